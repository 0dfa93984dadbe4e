import { Tag } from 'antd';
import type { TicketStatus } from '../../api/types';
import { STATUS_COLORS, STATUS_LABELS } from '../../labels/labels';

export function StatusTag({ status }: { status: TicketStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{STATUS_LABELS[status]}</Tag>;
}
