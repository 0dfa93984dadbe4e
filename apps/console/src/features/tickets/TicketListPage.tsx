import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Card, Flex, Input, Select, Switch, Tag } from 'antd';
import { api, unwrap } from '../../api/client';
import type { ServiceType, TicketStatus } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DownloadButton } from '../../components/DownloadButton';
import { PageTitle } from '../../components/PageTitle';
import { useApi } from '../../components/useApi';
import { SERVICE_TYPE_LABELS, SERVICE_TYPES, STATUS_LABELS } from '../../labels/labels';
import { ticketName } from './ticket-api';
import { TicketTable } from './TicketTable';

const STATUS_OPTIONS = (Object.keys(STATUS_LABELS) as TicketStatus[]).map((s) => ({ value: s, label: STATUS_LABELS[s] }));
const TYPE_OPTIONS = SERVICE_TYPES.map((t) => ({ value: t, label: SERVICE_TYPE_LABELS[t] }));

/** The filters of GET /tickets, kept in the page's address (so a link or a reload keeps them). */
function filtersOf(params: URLSearchParams) {
  return {
    type: (params.get('type') ?? undefined) as ServiceType | undefined,
    status: (params.get('status') ?? undefined) as TicketStatus | undefined,
    overdue: params.get('overdue') === 'true' ? true : undefined,
    q: params.get('q') ?? undefined,
    // Set by links (the dashboard's zone rows); shown as a tag that clears it.
    zoneId: params.get('zoneId') ?? undefined,
  };
}

/** 工单: the caller's tickets (the API scopes them), filtered by type, status, overdue and text. */
export function TicketListPage({ title = '工单' }: { title?: string }) {
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors.at(-1);
  const key = params.toString();
  const page = useApi(
    (signal) => unwrap(api.GET('/api/v1/tickets', { params: { query: { ...filters, limit: 50, cursor } }, signal })),
    [key, cursor],
  );

  const zoneName = filters.zoneId && page.data?.items[0] ? ticketName(page.data.items[0], 'zoneName') : undefined;

  function setFilter(name: string, value: string | undefined) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setCursors([undefined]);
    setParams(next, { replace: true });
  }

  return (
    <>
      <PageTitle title={title} extra={<ExportButton filters={filters} />} />
      <Card style={{ marginBottom: 16 }}>
        <Flex wrap gap={12} align="center">
          <Select aria-label="服务类型" placeholder="服务类型" allowClear options={TYPE_OPTIONS} value={filters.type} onChange={(v) => setFilter('type', v)} style={{ minWidth: 160 }} />
          <Select aria-label="状态" placeholder="状态" allowClear options={STATUS_OPTIONS} value={filters.status} onChange={(v) => setFilter('status', v)} style={{ minWidth: 140 }} />
          <label>
            <Flex gap={6} align="center">
              <Switch size="small" checked={filters.overdue ?? false} onChange={(on) => setFilter('overdue', on ? 'true' : undefined)} />
              <span>仅看逾期</span>
            </Flex>
          </label>
          <Input.Search aria-label="搜索" placeholder="搜索标题或说明" allowClear defaultValue={filters.q} onSearch={(v) => setFilter('q', v.trim() || undefined)} style={{ maxWidth: 260 }} />
          {filters.zoneId && (
            <Tag closable onClose={() => setFilter('zoneId', undefined)}>
              {`按园区筛选${zoneName ? `：${zoneName}` : ''}`}
            </Tag>
          )}
        </Flex>
      </Card>
      <ApiErrorAlert error={page.error} />
      <Card>
        <TicketTable tickets={page.data?.items} loading={page.loading} />
        <Flex gap={8} style={{ marginTop: 16 }}>
          {cursors.length > 1 && <Button onClick={() => setCursors((c) => c.slice(0, -1))}>上一页</Button>}
          {page.data?.nextCursor && <Button onClick={() => setCursors((c) => [...c, page.data!.nextCursor!])}>下一页</Button>}
        </Flex>
      </Card>
    </>
  );
}

/** 导出 Excel: every ticket the current filters match (GET /tickets/export.xlsx takes the same ones), saved by the browser. */
function ExportButton({ filters }: { filters: ReturnType<typeof filtersOf> }) {
  return <DownloadButton call={() => api.GET('/api/v1/tickets/export.xlsx', { params: { query: filters }, parseAs: 'blob' })} fallbackName="工单.xlsx" />;
}
