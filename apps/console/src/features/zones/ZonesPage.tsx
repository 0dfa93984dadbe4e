import { Link } from 'react-router';
import { Card, Form, Input, Select, Tag } from 'antd';
import { api, unwrap } from '../../api/client';
import type { Zone } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ListTable } from '../../components/ListTable';
import { FormModal } from '../../components/FormModal';
import { PageTitle } from '../../components/PageTitle';
import { useCursorPages } from '../../components/useCursorPages';
import { formatTime } from '../../format/time';
import { ZONE_LEVEL_LABELS, ZONE_LEVEL_OPTIONS, type CreateZone, type ZoneLevel } from './zone-api';

const DEFAULT_PROVINCE = '安徽省';

/** 园区: the province's development zones, and 新建园区. */
export function ZonesPage() {
  const page = useCursorPages((cursor, signal) => unwrap(api.GET('/api/v1/zones', { params: { query: { limit: 50, cursor } }, signal })), []);
  return (
    <>
      <PageTitle title="园区" extra={<CreateZoneButton onDone={page.reload} />} />
      <ApiErrorAlert error={page.error} />
      <Card>
        <ListTable<Zone>
          loading={page.loading}
          rows={page.data?.items}
          empty="暂无园区"
          columns={[
            { title: '园区', dataIndex: 'name', render: (name: string, z) => <Link to={`/tickets?zoneId=${z.id}`}>{name}</Link> },
            { title: '编码', dataIndex: 'code' },
            { title: '级别', dataIndex: 'level', render: (l: ZoneLevel) => <Tag color={l === 'national' ? 'red' : l === 'provincial' ? 'blue' : 'default'}>{ZONE_LEVEL_LABELS[l]}</Tag> },
            { title: '城市', dataIndex: 'city' },
            { title: '省份', dataIndex: 'province', responsive: ['md'] },
            { title: '创建时间', dataIndex: 'createdAt', responsive: ['lg'], render: formatTime },
          ]}
        />
        {page.pager}
      </Card>
    </>
  );
}

function CreateZoneButton({ onDone }: { onDone: () => void }) {
  return (
    <FormModal<CreateZone>
      label="新建园区"
      primary
      submitLabel="创建"
      successMessage="园区已创建"
      initialValues={{ province: DEFAULT_PROVINCE, level: 'provincial' }}
      onSubmit={(body) => unwrap(api.POST('/api/v1/zones', { body }))}
      onDone={onDone}
    >
      <Form.Item name="name" label="园区名称" rules={[{ required: true, whitespace: true, message: '请填写园区名称' }]}>
        <Input maxLength={100} placeholder="如：合肥经开区" />
      </Form.Item>
      <Form.Item
        name="code"
        label="园区编码"
        extra="小写字母、数字和连字符，如 hefei-etdz；创建后不可修改"
        rules={[
          { required: true, message: '请填写园区编码' },
          { pattern: /^[a-z0-9][a-z0-9-]{1,63}$/, message: '园区编码只能包含小写字母、数字和连字符（2–64 位）' },
        ]}
      >
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item name="level" label="级别" rules={[{ required: true, message: '请选择级别' }]}>
        <Select options={ZONE_LEVEL_OPTIONS} />
      </Form.Item>
      <Form.Item name="city" label="所在城市" rules={[{ required: true, whitespace: true, message: '请填写所在城市' }]}>
        <Input maxLength={50} placeholder="如：合肥市" />
      </Form.Item>
      <Form.Item name="province" label="省份" rules={[{ required: true, whitespace: true, message: '请填写省份' }]}>
        <Input maxLength={50} />
      </Form.Item>
    </FormModal>
  );
}
