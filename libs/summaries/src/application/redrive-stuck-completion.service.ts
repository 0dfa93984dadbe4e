import { Injectable } from '@nestjs/common';
import { Clock } from '@enterpark/common';
import { EventRedrive, LOOKBACK_WEEK, STUCK_BEFORE } from '@enterpark/events';

/**
 * The reconciler's use case for completion. Work the completion queue owes, read from
 * state: a completed ticket without its round's summary, a recently closed one without its
 * closed summary, an open list whose tickets are all final. The latest event that asks for
 * it is delivered again; completion is idempotent.
 */
@Injectable()
export class RedriveStuckCompletionService {
  constructor(
    private readonly redrive: EventRedrive,
    private readonly clock: Clock,
  ) {}

  execute(stuckAfterMs: number): Promise<number> {
    return this.redrive.execute(
      `SELECT DISTINCT ON (stuck.id) e.id
         FROM (SELECT t.id, ARRAY['ticket.service_completed'] AS names
                 FROM ticket t
                WHERE t.status = 'completed' AND t.completed_at < ${STUCK_BEFORE}
                  AND NOT EXISTS (SELECT 1 FROM ticket_summary s WHERE s.ticket_id = t.id AND s.kind = 'completed' AND s.round = t.round)
               UNION ALL
               SELECT t.id, ARRAY['ticket.confirmed']
                 FROM ticket t
                WHERE t.status = 'closed' AND t.closed_at < ${STUCK_BEFORE} AND t.closed_at > ${LOOKBACK_WEEK}
                  AND NOT EXISTS (SELECT 1 FROM ticket_summary s WHERE s.ticket_id = t.id AND s.kind = 'closed')
               UNION ALL
               SELECT (SELECT t.id FROM ticket t WHERE t.demand_list_id = l.id ORDER BY t.closed_at DESC NULLS LAST LIMIT 1),
                      ARRAY['ticket.confirmed', 'ticket.rejected', 'ticket.cancelled']
                 FROM demand_list l
                WHERE l.status = 'open' AND l.created_at < ${STUCK_BEFORE}
                  AND NOT EXISTS (SELECT 1 FROM ticket t WHERE t.demand_list_id = l.id AND t.status NOT IN ('closed', 'rejected', 'cancelled'))
                  AND NOT EXISTS (SELECT 1 FROM ticket t WHERE t.demand_list_id = l.id AND t.closed_at >= ${STUCK_BEFORE})
                LIMIT $2) AS stuck
         JOIN event e ON e.aggregate_id = stuck.id AND e.name = ANY (stuck.names)
        ORDER BY stuck.id, e.seq DESC`,
      stuckAfterMs,
      this.clock.now(),
    );
  }
}
