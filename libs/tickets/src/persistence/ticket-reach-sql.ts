import { AccessScope, assertNever } from '@enterpark/common';

/**
 * The caller's reach over `ticket t` as a raw SQL condition, its parameters numbered from
 * `first`: the rule applyTicketScope applies to query builders, for hand-written statements.
 */
export function ticketReachSql(scope: AccessScope, first: number): { sql: string; params: unknown[] } {
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
