import { useState } from 'react';
import { Link } from 'react-router';
import { Card, Input, Select, Space, Tag } from 'antd';
import { api, unwrap } from '../../api/client';
import type { ExperienceTemplate, ServiceType } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ListTable } from '../../components/ListTable';
import { PageTitle } from '../../components/PageTitle';
import { useCursorPages } from '../../components/useCursorPages';
import { SERVICE_TYPE_LABELS } from '../../labels/labels';
import { SERVICE_TYPE_OPTIONS } from '../../labels/options';
import { averageText, TEMPLATE_STATUS_COLORS, TEMPLATE_STATUS_LABELS } from './template-labels';

/** 经验模板: cases that went well, to browse by type and text; each with how often it was used. */
export function TemplatesPage() {
  const [type, setType] = useState<ServiceType>();
  const [q, setQ] = useState<string>();
  const page = useCursorPages((cursor, signal) => unwrap(api.GET('/api/v1/templates', { params: { query: { type, q: q || undefined, limit: 50, cursor } }, signal })), [type, q]);
  return (
    <>
      <PageTitle title="经验模板" />
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select aria-label="服务类型" placeholder="服务类型" allowClear options={SERVICE_TYPE_OPTIONS} value={type} onChange={setType} style={{ minWidth: 180 }} />
          <Input.Search aria-label="搜索模板" placeholder="搜索标题、需求或办理结果" allowClear onSearch={(v) => setQ(v.trim() || undefined)} style={{ width: 280 }} />
        </Space>
      </Card>
      <ApiErrorAlert error={page.error} />
      <Card>
        <ListTable<ExperienceTemplate>
          loading={page.loading}
          rows={page.data?.items}
          empty="暂无经验模板"
          columns={[
            { title: '模板', dataIndex: 'title', render: (title: string, t) => <Link to={`/templates/${t.id}`}>{title}</Link> },
            { title: '服务类型', dataIndex: 'type', render: (s: ServiceType) => SERVICE_TYPE_LABELS[s] },
            { title: '状态', dataIndex: 'status', render: (s: ExperienceTemplate['status']) => <Tag color={TEMPLATE_STATUS_COLORS[s]}>{TEMPLATE_STATUS_LABELS[s]}</Tag> },
            { title: '原工单评分', dataIndex: 'rating', responsive: ['md'], render: (r: number) => `${r} 分` },
            { title: '使用次数', dataIndex: 'usedCount' },
            { title: '平均评分', key: 'average', render: (_, t) => averageText(t) },
            { title: '创建人', dataIndex: 'ownerName', responsive: ['lg'] },
          ]}
        />
        {page.pager}
      </Card>
    </>
  );
}
