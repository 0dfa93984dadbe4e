import { TicketDetailPage } from '../../features/tickets/TicketDetailPage';
import { ZoneTicketActions } from './ZoneTicketActions';

/** 工单详情 with the zone's actions (补充信息, 撤回, 确认办结). */
export function ZoneTicketPage() {
  return <TicketDetailPage actions={(ticket, reload) => <ZoneTicketActions ticket={ticket} onDone={reload} />} />;
}
