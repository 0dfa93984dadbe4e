import { DataSource } from 'typeorm';
import { SlaStage } from '@enterpark/events';
import { FINAL_STATUSES, TicketStatus } from '../domain/ticket-status';

// Spelled out, not a parameter, so the planner can use the partial index of open tickets.
const NOT_FINAL = `status NOT IN (${FINAL_STATUSES.map((s) => `'${s}'`).join(', ')})`;

export interface OpenTicketCount {
  status: TicketStatus;
  slaStage: SlaStage | null;
  count: number;
  /** Of these, tickets whose running SLA clock is past its deadline. */
  breached: number;
}

/** Open tickets by status and SLA stage, for the operators' gauges (through the open-ticket index). */
export async function countOpenTickets(ds: DataSource): Promise<OpenTicketCount[]> {
  const rows = await ds.query(
    `SELECT status, sla_stage, count(*)::int AS count,
            count(*) FILTER (WHERE sla_stage IS NOT NULL AND sla_breached_at IS NOT NULL)::int AS breached
       FROM ticket WHERE ${NOT_FINAL} GROUP BY status, sla_stage`,
  );
  return rows.map((r: { status: TicketStatus; sla_stage: SlaStage | null; count: number; breached: number }) => ({
    status: r.status,
    slaStage: r.sla_stage,
    count: r.count,
    breached: r.breached,
  }));
}
