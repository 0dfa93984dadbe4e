import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, InputNumber, Popconfirm, Table, Tag } from 'antd';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { weekdayOf } from '../../format/time';

type Notice = components['schemas']['CalendarNoticeResponse'];
type NoticeDay = components['schemas']['CalendarNoticeDayResponse'];
interface NoticeInput {
  year: number;
  text: string;
}

const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/**
 * 粘贴国务院通知: the API reads the notice and answers the days it found (预览, nothing
 * changes); 发布 sends the same text again with apply, and those days become the year's calendar.
 */
export function NoticeForm({ defaultYear, onPublished }: { defaultYear: number; onPublished: (year: number) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<NoticeInput>();
  const [preview, setPreview] = useState<{ input: NoticeInput; notice: Notice } | null>(null);
  const [busy, setBusy] = useState<'preview' | 'publish' | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function read(input: NoticeInput, apply: boolean): Promise<Notice | null> {
    setBusy(apply ? 'publish' : 'preview');
    setError(null);
    try {
      return await unwrap(api.POST('/api/v1/calendar/{year}/notice', { params: { path: { year: input.year } }, body: { text: input.text, apply } }));
    } catch (e) {
      setError(e);
      return null;
    } finally {
      setBusy(null);
    }
  }

  async function showPreview(input: NoticeInput) {
    const notice = await read(input, false);
    setPreview(notice && { input, notice });
  }

  async function publish() {
    if (!preview || !(await read(preview.input, true))) return;
    message.success(`${preview.input.year} 年日历已发布`);
    onPublished(preview.input.year);
    setPreview(null);
    form.resetFields(['text']);
  }

  return (
    <Card title="粘贴国务院通知">
      <Form<NoticeInput> form={form} layout="vertical" initialValues={{ year: defaultYear }} onFinish={showPreview} onValuesChange={() => setPreview(null)}>
        <Form.Item name="year" label="年份" rules={[{ required: true, message: '请填写通知所属年份' }]}>
          <InputNumber min={2000} max={2100} precision={0} />
        </Form.Item>
        <Form.Item
          name="text"
          label="通知全文"
          extra="《国务院办公厅关于 YYYY 年部分节假日安排的通知》，从标题起整段粘贴（含“一、元旦：……”各条）"
          rules={[{ required: true, whitespace: true, message: '请粘贴通知全文' }]}
        >
          <Input.TextArea rows={8} />
        </Form.Item>
        <ApiErrorAlert error={error} />
        <Button htmlType="submit" loading={busy === 'preview'}>
          预览
        </Button>
      </Form>
      {preview && <NoticePreview notice={preview.notice} publishing={busy === 'publish'} onPublish={publish} />}
    </Card>
  );
}

function NoticePreview({ notice, publishing, onPublish }: { notice: Notice; publishing: boolean; onPublish: () => void }) {
  const holidays = notice.days.filter((d) => d.kind === 'holiday').length;
  return (
    <section aria-label="通知预览" style={{ marginTop: 24 }}>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <strong>
          {notice.year} 年：放假 {holidays} 天，调休上班 {notice.days.length - holidays} 天（预览，尚未发布）
        </strong>
        <Popconfirm title={`发布后，${notice.year} 年的日历以此通知为准（替换之前发布的内容）`} okText="发布" cancelText="取消" onConfirm={onPublish}>
          <Button type="primary" loading={publishing}>
            发布
          </Button>
        </Popconfirm>
      </Flex>
      <Table<NoticeDay>
        rowKey="day"
        size="small"
        pagination={false}
        dataSource={notice.days}
        scroll={{ y: 360 }}
        columns={[
          { title: '日期', dataIndex: 'day' },
          { title: '星期', dataIndex: 'day', key: 'weekday', render: (day: string) => WEEKDAY_NAMES[weekdayOf(day)] },
          { title: '安排', dataIndex: 'kind', render: (k: NoticeDay['kind']) => (k === 'holiday' ? <Tag color="red">放假</Tag> : <Tag color="orange">上班</Tag>) },
          { title: '节日', dataIndex: 'name' },
        ]}
      />
    </section>
  );
}
