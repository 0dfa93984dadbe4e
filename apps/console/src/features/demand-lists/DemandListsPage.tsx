import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Table, Tag } from 'antd';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useApi } from '../../components/useApi';
import { formatTime } from '../../format/time';
import { LIST_STATUS_LABELS } from '../../labels/labels';
import { loadDemandListPage, type DemandListRow } from './demand-list-api';
import { ListProgress } from './ListProgress';

/** 需求清单: the lists the caller may see, newest first, with their progress. */
export function DemandListsPage({ canFile }: { canFile: boolean }) {
  const navigate = useNavigate();
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors.at(-1);
  const page = useApi((signal) => loadDemandListPage(cursor, signal), [cursor]);
  return (
    <>
      <PageTitle
        title="需求清单"
        extra={
          canFile && (
            <Button type="primary" onClick={() => void navigate('/demand-lists/new')}>
              新建需求清单
            </Button>
          )
        }
      />
      <ApiErrorAlert error={page.error} />
      <Card>
        <Table<DemandListRow>
          rowKey="id"
          size="middle"
          loading={page.loading}
          dataSource={page.data?.rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '暂无需求清单' }}
          columns={[
            { title: '清单', dataIndex: 'title', render: (title: string, row) => <Link to={`/demand-lists/${row.id}`}>{title}</Link> },
            { title: '期次', dataIndex: 'period', responsive: ['md'], render: (p: string | null) => p ?? '—' },
            { title: '进度', key: 'progress', render: (_, row) => <ListProgress progress={row.progress} /> },
            { title: '状态', dataIndex: 'status', responsive: ['sm'], render: (s: string) => <Tag>{LIST_STATUS_LABELS[s] ?? s}</Tag> },
            { title: '提交时间', dataIndex: 'createdAt', responsive: ['md'], render: formatTime },
          ]}
        />
        <div style={{ marginTop: 16, display: 'flex', gap: 8 }}>
          {cursors.length > 1 && <Button onClick={() => setCursors((c) => c.slice(0, -1))}>上一页</Button>}
          {page.data?.nextCursor && <Button onClick={() => setCursors((c) => [...c, page.data!.nextCursor!])}>下一页</Button>}
        </div>
      </Card>
    </>
  );
}
