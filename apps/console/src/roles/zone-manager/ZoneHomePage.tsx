import { Link, useNavigate } from 'react-router';
import { Button, Card, Col, Empty, Flex, List, Row, Statistic, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import type { Ticket, TicketStatus } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { PageTitle } from '../../components/PageTitle';
import { useApi } from '../../components/useApi';
import { TicketTable } from '../../features/tickets/TicketTable';
import { SERVICE_TYPE_LABELS, STATUS_LABELS } from '../../labels/labels';

/** Statuses of tickets still open, in the order they pass. */
const OPEN_STATUSES: TicketStatus[] = ['submitted', 'routed', 'triaged', 'needs_info', 'returned', 'matching', 'matched', 'in_service', 'completed'];
const COUNT_LIMIT = 200;

interface ZoneHome {
  byStatus: Record<string, { items: Ticket[]; more: boolean }>;
  overdue: Ticket[];
}

async function loadZoneHome(signal: AbortSignal): Promise<ZoneHome> {
  const list = (query: { status?: TicketStatus; overdue?: boolean }, limit: number) =>
    unwrap(api.GET('/api/v1/tickets', { params: { query: { ...query, limit } }, signal }));
  const [pages, overdue] = await Promise.all([Promise.all(OPEN_STATUSES.map((status) => list({ status }, COUNT_LIMIT))), list({ overdue: true }, 20)]);
  const byStatus = Object.fromEntries(OPEN_STATUSES.map((s, i) => [s, { items: pages[i].items, more: pages[i].nextCursor !== null }]));
  return { byStatus, overdue: overdue.items };
}

/** 首页 of a zone manager: what waits on me, my zone's open tickets by status, the overdue ones. */
export function ZoneHomePage() {
  const navigate = useNavigate();
  const state = useApi(loadZoneHome, []);
  if (!state.data) return state.error ? <ApiErrorAlert error={state.error} /> : <PageLoading />;
  const { byStatus, overdue } = state.data;
  return (
    <>
      <PageTitle title="首页" extra={<Button type="primary" onClick={() => void navigate('/demand-lists/new')}>新建需求清单</Button>} />
      <Flex vertical gap={16}>
        <Card title="待我处理">
          <Row gutter={[24, 16]}>
            <Col xs={24} md={12}>
              <WaitingList title="需补充信息" tickets={byStatus.needs_info.items} verb="补充信息" href={(t) => `/tickets/${t.id}`} />
            </Col>
            <Col xs={24} md={12}>
              <WaitingList title="待确认办结" tickets={byStatus.completed.items} verb="确认办结" href={(t) => `/tickets/${t.id}?action=confirm`} />
            </Col>
          </Row>
        </Card>
        <Card title="本园区在办工单">
          <Row gutter={[16, 16]}>
            {OPEN_STATUSES.map((status) => (
              <Col key={status} xs={12} sm={8} lg={6} xl={4}>
                <Link to={`/tickets?status=${status}`} aria-label={`${STATUS_LABELS[status]}：${byStatus[status].items.length} 件`}>
                  <Statistic title={STATUS_LABELS[status]} value={byStatus[status].items.length} suffix={byStatus[status].more ? '+' : undefined} />
                </Link>
              </Col>
            ))}
          </Row>
        </Card>
        <Card title="已超期（超过期望完成日期）" extra={<Link to="/tickets?overdue=true">查看全部</Link>}>
          <TicketTable tickets={overdue} empty="没有逾期工单" />
        </Card>
      </Flex>
    </>
  );
}

function WaitingList({ title, tickets, verb, href }: { title: string; tickets: Ticket[]; verb: string; href: (t: Ticket) => string }) {
  const navigate = useNavigate();
  return (
    <section aria-label={title}>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {title}（{tickets.length}）
      </Typography.Title>
      {tickets.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无" />
      ) : (
        <List
          size="small"
          dataSource={tickets}
          renderItem={(t) => (
            <List.Item
              actions={[
                <Button key="act" size="small" type="primary" onClick={() => void navigate(href(t))}>
                  {verb}
                </Button>,
              ]}
            >
              <List.Item.Meta title={<Link to={`/tickets/${t.id}`}>{t.title}</Link>} description={SERVICE_TYPE_LABELS[t.type]} />
            </List.Item>
          )}
        />
      )}
    </section>
  );
}
