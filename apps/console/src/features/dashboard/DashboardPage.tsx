import { useMemo, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, Card, Col, Empty, Flex, Row, Statistic, Typography } from 'antd';
import type { ServiceType, TicketStatus } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { PageTitle } from '../../components/PageTitle';
import { SERVICE_TYPE_LABELS, SERVICE_TYPES, STATUS_LABELS } from '../../labels/labels';
import { slaOption, trendOption, typeAt, typeStatusOption } from './dashboard-charts';
import type { Dashboard } from './dashboard-data';
import { EChart, type ChartClick } from './EChart';
import { LeagueTable } from './LeagueTable';
import { useDashboard } from './useDashboard';

/**
 * 全省概览 (coordinators and viewers; nothing on it changes anything): tickets by type and
 * status, the weekly flow, SLA standing, the zones ranked. Every count opens the ticket list
 * filtered to it.
 */
export function DashboardPage() {
  const state = useDashboard();
  if (!state.data) return state.error ? <ApiErrorAlert error={state.error} /> : <PageLoading />;
  const data = state.data;
  return (
    <>
      <PageTitle title="全省概览" extra={data.kind === 'ready' && <Typography.Text type="secondary">数据截至 {data.today}</Typography.Text>} />
      {data.kind === 'ready' ? (
        <Figures d={data.dashboard} />
      ) : (
        <>
          <Alert type="info" showIcon title={`工单超过 ${data.limit} 件，浏览器不再逐件统计；全省统计接口上线后显示。`} style={{ marginBottom: 16 }} />
          <Card>
            <Empty description="暂无数据" />
          </Card>
        </>
      )}
    </>
  );
}

function Figures({ d }: { d: Dashboard }) {
  const navigate = useNavigate();
  const typeStatus = useMemo(() => typeStatusOption(d), [d]);
  const trend = useMemo(() => trendOption(d), [d]);
  const sla = useMemo(() => slaOption(d), [d]);
  const openTickets = (e: ChartClick) => {
    const type = typeAt(e);
    if (!type) return;
    void navigate(e.componentType === 'series' ? `/tickets?type=${type}&status=${String(e.seriesId)}` : `/tickets?type=${type}`);
  };
  return (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]}>
        <Stat title="工单总数" value={d.total} to="/tickets" />
        <Stat title="待确认办结" value={d.awaitingConfirmation} to="/tickets?status=completed" />
        <Stat title="已办结" value={d.closed} to="/tickets?status=closed" />
        <Stat title="逾期（超过期望完成日期）" value={d.overdue} to="/tickets?overdue=true" />
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <FigureCard title="按服务类型与状态" empty={d.total === 0}>
            <EChart option={typeStatus} label="各服务类型的工单数，按状态分段" onClick={openTickets} />
            <TotalsLinks d={d} />
          </FigureCard>
        </Col>
        <Col xs={24} xl={10}>
          <FigureCard title="每周提交与办结（近 12 周）" empty={d.total === 0}>
            <EChart option={trend} label="近 12 周每周提交与办结的工单数" />
          </FigureCard>
        </Col>
        <Col xs={24} xl={10}>
          <FigureCard title="SLA 达标情况（在办工单）" empty={d.sla.every((s) => s.onTime + s.late === 0)}>
            <EChart option={sla} label="各阶段在办工单中未超时与已超时的数量" height={220} />
            <Typography.Text>
              已办结工单全程未超时：{d.doneWithoutBreach === null ? '暂无数据' : `${Math.round(d.doneWithoutBreach * 100)}%`}
            </Typography.Text>
          </FigureCard>
        </Col>
        <Col xs={24} xl={14}>
          <FigureCard title="园区排名" empty={d.league.length === 0}>
            <LeagueTable rows={d.league} />
          </FigureCard>
        </Col>
      </Row>
    </Flex>
  );
}

function Stat({ title, value, to }: { title: string; value: number; to: string }) {
  return (
    <Col xs={12} md={6}>
      <Card size="small">
        <Link to={to} aria-label={`${title}：${value} 件`}>
          <Statistic title={title} value={value} suffix="件" />
        </Link>
      </Card>
    </Col>
  );
}

function FigureCard({ title, empty, children }: { title: string; empty: boolean; children: ReactNode }) {
  return (
    <Card title={title} style={{ height: '100%' }}>
      {empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无数据" /> : children}
    </Card>
  );
}

/** The chart's totals as links: by type, and by status. */
function TotalsLinks({ d }: { d: Dashboard }) {
  const byType = new Map<ServiceType, number>();
  const byStatus = new Map<TicketStatus, number>();
  for (const c of d.byTypeStatus) {
    byType.set(c.type, (byType.get(c.type) ?? 0) + c.count);
    byStatus.set(c.status, (byStatus.get(c.status) ?? 0) + c.count);
  }
  const statuses = (Object.keys(STATUS_LABELS) as TicketStatus[]).filter((s) => byStatus.has(s));
  return (
    <Flex vertical gap={4} style={{ marginTop: 8 }}>
      <nav aria-label="按服务类型">
        <Flex wrap gap="4px 16px">
          {SERVICE_TYPES.filter((t) => byType.has(t)).map((t) => (
            <Link key={t} to={`/tickets?type=${t}`}>{`${SERVICE_TYPE_LABELS[t]} ${byType.get(t)}`}</Link>
          ))}
        </Flex>
      </nav>
      <nav aria-label="按状态">
        <Flex wrap gap="4px 16px">
          {statuses.map((s) => (
            <Link key={s} to={`/tickets?status=${s}`}>{`${STATUS_LABELS[s]} ${byStatus.get(s)}`}</Link>
          ))}
        </Flex>
      </nav>
    </Flex>
  );
}
