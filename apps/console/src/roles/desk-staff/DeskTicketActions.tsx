import type { ComponentType } from 'react';
import { Space } from 'antd';
import type { TicketAction } from '../../api/types';
import { MatchesCard } from '../../features/tickets/MatchesCard';
import type { TicketView } from '../../features/tickets/ticket-api';
import { ActivityAction, CompleteAction, MatchAction, ProposalAnswers } from './ServiceActions';
import { AcceptAction, AssignAction, RejectAction, RequestInfoAction, ReturnAction, type DeskActionProps } from './TriageActions';

/** The desk's buttons in the order a ticket needs them; each appears only when `allowedActions` lists it. */
const DESK_ACTIONS: [TicketAction, ComponentType<DeskActionProps & { view: TicketView }>][] = [
  ['accept', AcceptAction],
  ['request-info', RequestInfoAction],
  ['reject', RejectAction],
  ['return', ReturnAction],
  ['assign', AssignAction],
  ['match', MatchAction],
  ['activities', ActivityAction],
  ['complete', CompleteAction],
];

/**
 * The desk's actions on a ticket, each a button opening its form: 受理, 要求补充, 驳回, 退单,
 * 指派, 匹配, 记录服务, 办结 (代为接受 / 代为拒绝 sit on the proposal: DeskTicketSections).
 */
export function DeskTicketActions({ view, onDone }: { view: TicketView; onDone: () => void }) {
  const allowed = new Set(view.ticket.allowedActions);
  return (
    <Space wrap>
      {DESK_ACTIONS.filter(([action]) => allowed.has(action)).map(([action, Action]) => (
        <Action key={action} ticket={view.ticket} view={view} onDone={onDone} />
      ))}
    </Space>
  );
}

/** The desk's card on a ticket's page: its proposals and matches, 代为接受 / 代为拒绝 on the open proposal. */
export function DeskTicketSections({ view, onDone }: { view: TicketView; onDone: () => void }) {
  const allowed = new Set(view.ticket.allowedActions);
  return (
    <MatchesCard
      matches={view.matches}
      actions={(m) =>
        m.status === 'proposed' && <ProposalAnswers match={m} canAccept={allowed.has('accept-proposal')} canDecline={allowed.has('decline-proposal')} onDone={onDone} />
      }
    />
  );
}
