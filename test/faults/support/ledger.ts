import { FaultStack } from './fault-stack';
import { waitFor } from './processes';

/** What became of the tickets the API accepted (201), read from the database. */
export interface RoutingLedger {
  accepted: number;
  /** Accepted but not in the database, or never routed: lost. */
  lost: number;
  /** Tickets with more than one `ticket.routed` event. */
  duplicates: number;
  /** When the last of them was routed (the worker's clock, the machine's). */
  lastRoutedAt: number | null;
}

export async function routingLedger(stack: FaultStack, ticketIds: string[]): Promise<RoutingLedger> {
  const [row] = await stack.sql(
    `SELECT count(*) FILTER (WHERE t.routed_at IS NULL)::int AS lost,
            (SELECT count(*)::int FROM (SELECT aggregate_id FROM event
                                         WHERE name = 'ticket.routed' AND aggregate_id = ANY ($1::uuid[])
                                         GROUP BY aggregate_id HAVING count(*) > 1) d) AS duplicates,
            max(t.routed_at) AS last_routed_at
       FROM unnest($1::uuid[]) AS a(id) LEFT JOIN ticket t ON t.id = a.id`,
    [ticketIds],
  );
  return { accepted: ticketIds.length, lost: row.lost, duplicates: row.duplicates, lastRoutedAt: row.last_routed_at ? new Date(row.last_routed_at).getTime() : null };
}

/** Waits until every ticket of `ticketIds` is routed; answers the ledger then (or at the timeout). */
export async function waitAllRouted(stack: FaultStack, ticketIds: string[], timeoutMs: number): Promise<RoutingLedger> {
  let ledger = await routingLedger(stack, ticketIds);
  await waitFor(async () => (ledger = await routingLedger(stack, ticketIds)).lost === 0, timeoutMs, 'every accepted ticket to be routed', 250).catch(() => undefined);
  return ledger;
}
