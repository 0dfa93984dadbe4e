import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, Select, Tabs } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, unwrap } from '../../api/client';
import { errorMessage, fieldErrors } from '../../api/errors';
import type { ServiceType } from '../../api/types';
import { PageTitle } from '../../components/PageTitle';
import { SERVICE_TYPE_LABELS, SERVICE_TYPES } from '../../labels/labels';
import { newIdempotencyKey } from './idempotency-key';
import { ImportFromExcel } from './ImportFromExcel';

interface ItemValues {
  type: ServiceType;
  title: string;
  description?: string;
  tags?: string[];
  desiredBy?: Dayjs;
  contactName?: string;
  contactPhone?: string;
}

interface ListValues {
  title: string;
  period?: string;
  items: ItemValues[];
}

const TYPE_OPTIONS = SERVICE_TYPES.map((t) => ({ value: t, label: SERVICE_TYPE_LABELS[t] }));

function toRequest(values: ListValues) {
  return {
    title: values.title,
    period: values.period || undefined,
    items: values.items.map((i) => ({
      type: i.type,
      title: i.title,
      description: i.description || undefined,
      tags: i.tags?.length ? i.tags : undefined,
      desiredBy: i.desiredBy?.format('YYYY-MM-DD'),
      contactName: i.contactName?.trim() || undefined,
      contactPhone: i.contactPhone?.trim() || undefined,
    })),
  };
}

/** 新建需求清单: items typed in (逐项填写) or the zone's own workbook (从 Excel 导入, kept in the address as ?via=excel). */
export function NewDemandListPage() {
  const [params, setParams] = useSearchParams();
  return (
    <>
      <PageTitle title="新建需求清单" />
      <Tabs
        activeKey={params.get('via') === 'excel' ? 'excel' : 'form'}
        onChange={(key) => setParams(key === 'excel' ? { via: 'excel' } : {}, { replace: true })}
        items={[
          { key: 'form', label: '逐项填写', children: <DemandListForm /> },
          { key: 'excel', label: '从 Excel 导入', children: <ImportFromExcel /> },
        ]}
      />
    </>
  );
}

/**
 * Items added inline. The form's Idempotency-Key is made once, so a double click or a retry
 * after a lost answer files the list once.
 */
function DemandListForm() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ListValues>();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function file(values: ListValues) {
    setBusy(true);
    setError(null);
    try {
      const list = await unwrap(
        api.POST('/api/v1/demand-lists', { body: toRequest(values), params: { header: { 'Idempotency-Key': idempotencyKey } } }),
      );
      message.success(`需求清单已提交，共 ${list.tickets.length} 项`);
      await navigate(`/demand-lists/${list.id}`, { replace: true });
    } catch (e) {
      form.setFields(fieldErrors(e));
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form<ListValues> form={form} layout="vertical" onFinish={file} initialValues={{ items: [{}] }} scrollToFirstError>
        <Card style={{ marginBottom: 16 }}>
          <Form.Item name="title" label="清单标题" rules={[{ required: true, whitespace: true, message: '请填写清单标题' }]}>
            <Input maxLength={200} placeholder="例如：2026年第四季度需求清单" />
          </Form.Item>
          <Form.Item name="period" label="期次">
            <Input maxLength={50} placeholder="例如：2026-Q4" />
          </Form.Item>
        </Card>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <Flex vertical gap={16} style={{ marginBottom: 16 }}>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  title={`第 ${index + 1} 项`}
                  extra={fields.length > 1 && <Button type="link" danger onClick={() => remove(field.name)}>删除此项</Button>}
                >
                  <DemandItemFields name={field.name} />
                </Card>
              ))}
              <Button type="dashed" onClick={() => add({})} block>
                添加一项
              </Button>
            </Flex>
          )}
        </Form.List>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={busy}>
            提交清单
          </Button>
          <Button onClick={() => void navigate('/demand-lists')}>取消</Button>
        </Flex>
      </Form>
    </>
  );
}

function DemandItemFields({ name }: { name: number }) {
  return (
    <>
      <Form.Item name={[name, 'type']} label="服务类型" rules={[{ required: true, message: '请选择服务类型' }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={TYPE_OPTIONS} placeholder="选择或输入类型名称" />
      </Form.Item>
      <Form.Item name={[name, 'title']} label="事项标题" rules={[{ required: true, whitespace: true, message: '请填写事项标题' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name={[name, 'description']} label="需求说明">
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name={[name, 'tags']} label="标签" style={{ flex: '1 1 220px' }}>
          <Select mode="tags" maxCount={10} tokenSeparators={[',', '，', ' ']} placeholder="输入后回车" open={false} />
        </Form.Item>
        <Form.Item name={[name, 'desiredBy']} label="期望完成日期" style={{ flex: '1 1 160px' }}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Flex gap={16} wrap>
        <Form.Item name={[name, 'contactName']} label="联系人" tooltip="窗口人员办理时联系的园区工作人员" style={{ flex: '1 1 220px' }}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name={[name, 'contactPhone']} label="联系电话" style={{ flex: '1 1 160px' }}>
          <Input maxLength={40} inputMode="tel" />
        </Form.Item>
      </Flex>
    </>
  );
}
