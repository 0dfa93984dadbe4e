import { Injectable } from '@nestjs/common';
import { Clock } from '@enterpark/common';
import { EventRedrive, STUCK_BEFORE } from '@enterpark/events';

/**
 * The reconciler's use case for routing: a ticket still `submitted` long after its event
 * was published lost its job; its ticket.submitted is delivered again (routing is idempotent).
 */
@Injectable()
export class RedriveStuckTicketsService {
  constructor(
    private readonly redrive: EventRedrive,
    private readonly clock: Clock,
  ) {}

  execute(stuckAfterMs: number): Promise<number> {
    return this.redrive.execute(
      `SELECT e.id FROM event e
        WHERE e.name = 'ticket.submitted'
          AND e.aggregate_id IN (SELECT t.id FROM ticket t
                                  WHERE t.status = 'submitted' AND t.created_at < ${STUCK_BEFORE}
                                  ORDER BY t.created_at LIMIT $2)`,
      stuckAfterMs,
      this.clock.now(),
    );
  }
}
