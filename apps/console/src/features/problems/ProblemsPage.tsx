import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Card, Empty, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import type { Problem, ProblemSuggestion } from '../../api/types';
import { currentSession } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FormModal } from '../../components/FormModal';
import { ListTable } from '../../components/ListTable';
import { PageTitle } from '../../components/PageTitle';
import { useApi } from '../../components/useApi';
import { useCursorPages } from '../../components/useCursorPages';
import { formatTime } from '../../format/time';
import { SERVICE_TYPE_LABELS } from '../../labels/labels';
import { StatusTag } from '../tickets/StatusTag';
import { TypeCounts, ZoneCounts } from './ProblemCounts';
import { PROBLEM_STATUS_COLORS, PROBLEM_STATUS_LABELS } from './problem-labels';

const STATUS_OPTIONS = (['open', 'resolved'] as const).map((s) => ({ value: s, label: PROBLEM_STATUS_LABELS[s] }));

/** 问题归集: the problems with their counts by zone and type, and (coordinators) the suggested groupings. */
export function ProblemsPage() {
  const [status, setStatus] = useState<Problem['status']>();
  const page = useCursorPages((cursor, signal) => unwrap(api.GET('/api/v1/problems', { params: { query: { status, limit: 50, cursor } }, signal })), [status]);
  return (
    <>
      <PageTitle title="问题归集" />
      <SuggestionsCard onGrouped={page.reload} />
      <Card title="归集的问题" style={{ marginTop: 16 }} extra={<Select aria-label="问题状态" placeholder="状态" allowClear options={STATUS_OPTIONS} value={status} onChange={setStatus} style={{ minWidth: 120 }} />}>
        <ApiErrorAlert error={page.error} />
        <ListTable<Problem>
          loading={page.loading}
          rows={page.data?.items}
          empty="暂无归集的问题"
          columns={[
            { title: '问题', dataIndex: 'title', render: (title: string, p) => <Link to={`/problems/${p.id}`}>{title}</Link> },
            { title: '状态', dataIndex: 'status', render: (s: Problem['status']) => <Tag color={PROBLEM_STATUS_COLORS[s]}>{PROBLEM_STATUS_LABELS[s]}</Tag> },
            { title: '工单数', dataIndex: 'ticketCount' },
            { title: '涉及园区', key: 'zones', render: (_, p) => <ZoneCounts problem={p} /> },
            { title: '服务类型', key: 'types', responsive: ['md'], render: (_, p) => <TypeCounts problem={p} /> },
            { title: '归集时间', dataIndex: 'createdAt', responsive: ['lg'], render: formatTime },
          ]}
        />
        {page.pager}
      </Card>
    </>
  );
}

/** 归集建议: open similar tickets of two zones or more, in no problem yet; 归集 makes one a problem. */
function SuggestionsCard({ onGrouped }: { onGrouped: () => void }) {
  const state = useApi(async (signal) => (await unwrap(api.GET('/api/v1/problems/suggestions', { params: { query: { limit: 5 } }, signal }))).items, []);
  const canGroup = currentSession()?.user.role === 'coordinator';
  const navigate = useNavigate();
  return (
    <Card title="归集建议" loading={state.loading && !state.data} extra={<Typography.Text type="secondary">多个园区反映的同类在办需求</Typography.Text>}>
      <ApiErrorAlert error={state.error} />
      {state.data && state.data.length === 0 ? (
        <Empty description="暂无归集建议" />
      ) : (
        <List<ProblemSuggestion>
          dataSource={state.data ?? []}
          renderItem={(s) => (
            <List.Item
              aria-label={`归集建议：${s.title}`}
              actions={
                canGroup
                  ? [
                      <FormModal<{ title: string; description?: string }, { id: string }>
                        key="group"
                        label="归集"
                        primary
                        size="small"
                        initialValues={{ title: s.title }}
                        successMessage="已归集为一个问题"
                        onSubmit={(v) => unwrap(api.POST('/api/v1/problems', { body: { title: v.title, description: v.description || undefined, ticketIds: s.tickets.map((t) => t.ticketId) } }))}
                        onDone={(p) => {
                          onGrouped();
                          void navigate(`/problems/${p.id}`);
                        }}
                      >
                        <Form.Item name="title" label="问题名称" rules={[{ required: true, whitespace: true, message: '请填写问题名称' }]}>
                          <Input maxLength={200} />
                        </Form.Item>
                        <Form.Item name="description" label="问题说明">
                          <Input.TextArea rows={3} maxLength={2000} showCount />
                        </Form.Item>
                        <Typography.Text type="secondary">{`将归集 ${s.tickets.length} 张工单（${s.zoneCount} 个园区）`}</Typography.Text>
                      </FormModal>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={`${s.title}（${s.zoneCount} 个园区，${s.tickets.length} 张工单）`}
                description={
                  <Space wrap size={4}>
                    {s.tickets.map((t) => (
                      <Tag key={t.ticketId}>
                        <Link to={`/tickets/${t.ticketId}`}>{`${t.zoneName} · ${t.title}`}</Link>
                      </Tag>
                    ))}
                  </Space>
                }
              />
              <Space size={4}>
                {[...new Set(s.tickets.map((t) => t.type))].map((type) => (
                  <Tag key={type}>{SERVICE_TYPE_LABELS[type]}</Tag>
                ))}
                <StatusTag status={s.tickets[0].status} />
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
