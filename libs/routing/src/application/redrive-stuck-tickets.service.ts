import { Injectable } from '@nestjs/common';
import { Clock } from '@enterpark/common';
import { EventRedrive, STUCK_BEFORE } from '@enterpark/events';

/**
 * The reconciler's use case for routing: a ticket still `submitted` long after the event that
 * routes it was published lost its job. That event is its list's demand_list.filed, or its
 * last ticket.rerouted; both are delivered again (routing is idempotent and only touches
 * tickets still `submitted`).
 */
@Injectable()
export class RedriveStuckTicketsService {
  constructor(
    private readonly redrive: EventRedrive,
    private readonly clock: Clock,
  ) {}

  execute(stuckAfterMs: number): Promise<number> {
    return this.redrive.execute(
      `WITH stuck AS (SELECT t.id, t.demand_list_id FROM ticket t
                       WHERE t.status = 'submitted' AND t.created_at < ${STUCK_BEFORE}
                       ORDER BY t.created_at LIMIT $2)
       SELECT e.id FROM event e
        WHERE (e.name = 'demand_list.filed' AND e.aggregate_id IN (SELECT demand_list_id FROM stuck))
           OR (e.name = 'ticket.rerouted' AND e.aggregate_id IN (SELECT id FROM stuck))`,
      stuckAfterMs,
      this.clock.now(),
    );
  }
}
