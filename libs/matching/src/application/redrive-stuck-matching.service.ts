import { Injectable } from '@nestjs/common';
import { Clock } from '@enterpark/common';
import { EventRedrive, STUCK_BEFORE } from '@enterpark/events';

/**
 * The reconciler's use case for matching. Work the matching queue owes, read from state:
 * an accepted ticket with no open proposal and no escalation (its ticket.accepted,
 * match_declined or match_expired job was lost), and a finished ticket still holding a
 * provider (its ticket.cancelled or ticket.confirmed job was lost). The latest such event
 * of each ticket is delivered again; matching is idempotent.
 */
@Injectable()
export class RedriveStuckMatchingService {
  constructor(
    private readonly redrive: EventRedrive,
    private readonly clock: Clock,
  ) {}

  execute(stuckAfterMs: number): Promise<number> {
    return this.redrive.execute(
      `SELECT DISTINCT ON (stuck.id) e.id
         FROM (SELECT t.id, ARRAY['ticket.accepted', 'ticket.match_declined', 'ticket.match_expired'] AS names
                 FROM ticket t
                WHERE t.status = 'triaged' AND t.matching_escalated_at IS NULL AND t.updated_at < ${STUCK_BEFORE}
                  AND NOT EXISTS (SELECT 1 FROM ticket_match m WHERE m.ticket_id = t.id AND m.status IN ('proposed', 'accepted'))
               UNION ALL
               -- open matches are few (bounded by capacity): start from them, not from every closed ticket
               SELECT t.id, ARRAY['ticket.cancelled', 'ticket.confirmed']
                 FROM ticket_match m JOIN ticket t ON t.id = m.ticket_id
                WHERE m.status IN ('proposed', 'accepted') AND t.status IN ('closed', 'cancelled') AND t.closed_at < ${STUCK_BEFORE}
                LIMIT $2) AS stuck
         JOIN event e ON e.aggregate_id = stuck.id AND e.name = ANY (stuck.names)
        ORDER BY stuck.id, e.seq DESC`,
      stuckAfterMs,
      this.clock.now(),
    );
  }
}
