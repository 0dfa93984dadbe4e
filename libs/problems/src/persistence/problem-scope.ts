import { AccessScope, assertNever } from '@enterpark/common';

/** The caller's reach over `ticket t` as SQL, its parameters numbered from `first`. */
export function ticketReach(scope: AccessScope, first: number): { sql: string; params: unknown[] } {
  switch (scope.kind) {
    case 'province':
      return { sql: 'TRUE', params: [] };
    case 'zone':
      return { sql: `t.zone_id = $${first}`, params: [scope.zoneId] };
    case 'desks':
      return { sql: `t.desk = ANY ($${first}::text[])`, params: [scope.desks] };
    default:
      return assertNever(scope);
  }
}

/**
 * A problem exists for a reader when they may read one of its tickets: a zone manager when
 * their zone has a ticket in it, desk staff when one of their desks has.
 */
export function problemVisible(scope: AccessScope, first: number, problemAlias = 'p'): { sql: string; params: unknown[] } {
  if (scope.kind === 'province') return { sql: 'TRUE', params: [] };
  const reach = ticketReach(scope, first);
  return { sql: `EXISTS (SELECT 1 FROM problem_ticket pt JOIN ticket t ON t.id = pt.ticket_id WHERE pt.problem_id = ${problemAlias}.id AND ${reach.sql})`, params: reach.params };
}
