import { AccessScope } from '@enterpark/common';
import { ticketReachSql } from '@enterpark/tickets';

/**
 * A problem exists for a reader when they may read one of its tickets: a zone manager when
 * their zone has a ticket in it, desk staff when one of their desks has.
 */
export function problemVisible(scope: AccessScope, first: number, problemAlias = 'p'): { sql: string; params: unknown[] } {
  if (scope.kind === 'province') return { sql: 'TRUE', params: [] };
  const reach = ticketReachSql(scope, first);
  return { sql: `EXISTS (SELECT 1 FROM problem_ticket pt JOIN ticket t ON t.id = pt.ticket_id WHERE pt.problem_id = ${problemAlias}.id AND ${reach.sql})`, params: reach.params };
}
