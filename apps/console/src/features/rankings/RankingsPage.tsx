import { useSearchParams } from 'react-router';
import { Card, Flex, Segmented, Select, Table } from 'antd';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { useSession } from '../../auth/useSession';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DownloadButton } from '../../components/DownloadButton';
import { PageTitle } from '../../components/PageTitle';
import { useApi } from '../../components/useApi';
import { lastEndedPeriod, percent, PERIOD_KIND_LABELS, periodKindOf, recentPeriods, shanghaiToday, type PeriodKind } from './report-period';
import { WeightsCard } from './WeightsCard';

type Item = components['schemas']['RankingItemResponse'];
type By = 'zone' | 'desk' | 'provider';
type Level = 'national' | 'provincial' | 'cultivating';
type Query = { period: string; by: By; level?: Level };

const BY_LABELS: Record<By, string> = { zone: '园区', desk: '服务台', provider: '服务机构' };
const LEVELS = [
  { value: '', label: '全部园区' },
  { value: 'national', label: '国家级' },
  { value: 'provincial', label: '省级' },
  { value: 'cultivating', label: '培育期' },
];

/**
 * 排行榜: zones, desks or providers over a month, quarter or year (kept in the address),
 * ranked by the weighted score; 导出 Excel saves the same table. Coordinators set the weights.
 */
export function RankingsPage() {
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const today = shanghaiToday();
  const period = params.get('period') ?? lastEndedPeriod(today, 'month');
  const by = (params.get('by') ?? 'zone') as By;
  const level = params.get('level') ?? '';
  const kind = periodKindOf(period);
  const query: Query = { period, by, ...(by === 'zone' && level ? { level: level as Level } : {}) };
  const table = useApi((signal) => unwrap(api.GET('/api/v1/rankings', { params: { query }, signal })), [period, by, level]);
  const set = (patch: Record<string, string>) => setParams((p) => {
    const next = new URLSearchParams(p);
    for (const [k, v] of Object.entries(patch)) if (v) next.set(k, v); else next.delete(k);
    return next;
  });

  return (
    <>
      <PageTitle title="排行榜" extra={<ExportButton query={query} />} />
      <Flex vertical gap={16}>
        <Flex wrap gap={8} align="center">
          <Segmented<PeriodKind> aria-label="周期" value={kind} options={(Object.keys(PERIOD_KIND_LABELS) as PeriodKind[]).map((k) => ({ value: k, label: PERIOD_KIND_LABELS[k] }))} onChange={(k) => set({ period: lastEndedPeriod(today, k) })} />
          <Select aria-label="期间" value={period} style={{ minWidth: 160 }} options={recentPeriods(today, kind, kind === 'month' ? 23 : kind === 'quarter' ? 11 : 4)} onChange={(v) => set({ period: v })} />
          <Segmented<By> aria-label="排名对象" value={by} options={(Object.keys(BY_LABELS) as By[]).map((b) => ({ value: b, label: `按${BY_LABELS[b]}` }))} onChange={(b) => set({ by: b })} />
          {by === 'zone' && <Select aria-label="园区级别" value={level} style={{ minWidth: 120 }} options={LEVELS} onChange={(v) => set({ level: v })} />}
        </Flex>
        <ApiErrorAlert error={table.error} />
        <Card size="small" title={table.data ? `${table.data.periodLabel}${BY_LABELS[by]}排行榜` : '排行榜'}>
          <RankingTable items={table.data?.items ?? []} by={by} loading={table.loading} />
        </Card>
        {user.role === 'coordinator' && table.data && <WeightsCard key={JSON.stringify(table.data.weights)} weights={table.data.weights} onSaved={table.reload} />}
      </Flex>
    </>
  );
}

function RankingTable({ items, by, loading }: { items: Item[]; by: By; loading: boolean }) {
  return (
    <Table<Item>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: '暂无数据' }}
      columns={[
        { title: '排名', dataIndex: 'rank', width: 64, render: (r: number | null) => r ?? '—' },
        { title: BY_LABELS[by], dataIndex: 'name' },
        { title: '提交', dataIndex: 'submitted' },
        { title: '办结', dataIndex: 'completed' },
        { title: '办结率', dataIndex: 'completionRate', render: percent },
        { title: '按时办结率', dataIndex: 'onTimeRate', render: percent },
        { title: '满意率', dataIndex: 'satisfactionRate', render: percent },
        { title: '退单率', dataIndex: 'returnRate', render: percent },
        { title: '平均工作日', dataIndex: 'avgWorkingDays', render: (v: number | null) => v ?? '—' },
        { title: '综合得分', dataIndex: 'score', render: (v: number | null) => v ?? '—' },
      ]}
    />
  );
}

function ExportButton({ query }: { query: Query }) {
  return <DownloadButton call={() => api.GET('/api/v1/rankings/export.xlsx', { params: { query }, parseAs: 'blob' })} fallbackName="排行榜.xlsx" />;
}
