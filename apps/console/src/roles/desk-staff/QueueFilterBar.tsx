import { Card, Flex, Input, Select, Switch } from 'antd';
import type { TicketStatus, User, Zone } from '../../api/types';
import { SERVICE_TYPE_LABELS, STATUS_LABELS } from '../../labels/labels';
import { UNASSIGNED, type QueueFilters } from './desk-queue';

const STATUS_OPTIONS = (Object.keys(STATUS_LABELS) as TicketStatus[]).map((s) => ({ value: s, label: STATUS_LABELS[s] }));

type SelectFilter = 'status' | 'zoneId' | 'assigneeId' | 'type';

interface FilterBarProps {
  filters: QueueFilters;
  setFilter: (name: keyof QueueFilters, value: string | undefined) => void;
  user: User;
  zones: Zone[];
  /** Colleagues by id, as the tickets name them. */
  colleagues: Map<string, string>;
}

/** The queue's filters: status (default: every open one), zone, 经办人, type (several desks), desired date passed, text. */
export function QueueFilterBar({ filters, setFilter, user, zones, colleagues }: FilterBarProps) {
  const selects: { name: SelectFilter; label: string; placeholder: string; options: { value: string; label: string }[]; search?: boolean }[] = [
    { name: 'status', label: '状态', placeholder: '在办（全部）', options: STATUS_OPTIONS },
    { name: 'zoneId', label: '园区', placeholder: '全部园区', options: zones.map((z) => ({ value: z.id, label: z.name })), search: true },
    {
      name: 'assigneeId',
      label: '经办人',
      placeholder: '全部经办人',
      options: [{ value: user.id, label: '我' }, { value: UNASSIGNED, label: '未指派' }, ...[...colleagues].map(([value, label]) => ({ value, label }))],
    },
  ];
  if (user.desks.length > 1) {
    selects.push({ name: 'type', label: '服务类型', placeholder: '我的全部窗口', options: user.desks.map((d) => ({ value: d, label: SERVICE_TYPE_LABELS[d] })) });
  }
  return (
    <Card style={{ marginBottom: 16 }}>
      <Flex wrap gap={12} align="center">
        {selects.map((s) => (
          <Select
            key={s.name}
            aria-label={s.label}
            placeholder={s.placeholder}
            allowClear
            showSearch={s.search ? { optionFilterProp: 'label' } : undefined}
            options={s.options}
            value={filters[s.name]}
            onChange={(v: string | undefined) => setFilter(s.name, v)}
            style={{ minWidth: 160 }}
          />
        ))}
        <label>
          <Flex gap={6} align="center">
            <Switch size="small" checked={filters.overdue ?? false} onChange={(on) => setFilter('overdue', on ? 'true' : undefined)} />
            <span>仅看超过期望完成日期</span>
          </Flex>
        </label>
        <Input.Search
          aria-label="搜索"
          placeholder="搜索标题或说明"
          allowClear
          maxLength={100}
          defaultValue={filters.q}
          onSearch={(v) => setFilter('q', v.trim() || undefined)}
          style={{ maxWidth: 260 }}
        />
      </Flex>
    </Card>
  );
}
