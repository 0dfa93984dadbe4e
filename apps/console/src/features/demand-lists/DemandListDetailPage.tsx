import { Link, useParams } from 'react-router';
import { Card, Descriptions, Table, Tag } from 'antd';
import { api, unwrap } from '../../api/client';
import type { ListedTicket } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { PageTitle } from '../../components/PageTitle';
import { useApi } from '../../components/useApi';
import { formatTime } from '../../format/time';
import { LIST_STATUS_LABELS, SERVICE_TYPE_LABELS } from '../../labels/labels';
import { StatusTag } from '../tickets/StatusTag';
import { progressOf } from './demand-list-api';
import { ListProgress } from './ListProgress';

/** One demand list: its facts, progress and each item's ticket with its status. */
export function DemandListDetailPage() {
  const { id = '' } = useParams();
  const state = useApi((signal) => unwrap(api.GET('/api/v1/demand-lists/{id}', { params: { path: { id } }, signal })), [id]);
  if (!state.data) return state.error ? <ApiErrorAlert error={state.error} /> : <PageLoading />;
  const list = state.data;
  return (
    <>
      <PageTitle title={list.title} />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2, lg: 4 }} size="small">
          <Descriptions.Item label="期次">{list.period ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag>{LIST_STATUS_LABELS[list.status] ?? list.status}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="提交时间">{formatTime(list.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="进度">
            <ListProgress progress={progressOf(list.tickets)} />
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={`需求事项（${list.itemCount} 项）`}>
        <Table<ListedTicket>
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={list.tickets}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '序号', dataIndex: 'seq', width: 64, responsive: ['sm'] },
            { title: '事项', dataIndex: 'title', render: (title: string, t) => <Link to={`/tickets/${t.id}`}>{title}</Link> },
            { title: '服务类型', dataIndex: 'type', render: (type: ListedTicket['type']) => SERVICE_TYPE_LABELS[type] },
            { title: '状态', dataIndex: 'status', render: (s: ListedTicket['status']) => <StatusTag status={s} /> },
          ]}
        />
      </Card>
    </>
  );
}
