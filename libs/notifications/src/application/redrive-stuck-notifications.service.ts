import { Injectable } from '@nestjs/common';
import { Clock } from '@enterpark/common';
import { EventRedrive, LOOKBACK_WEEK, STUCK_BEFORE } from '@enterpark/events';
import { NOTIFICATION_EVENTS } from '../domain/notification-events';

/**
 * The reconciler's use case for notifications: recent events that mail someone but have no
 * receipt were never handled (their job was lost with Redis, or died with its worker), so
 * they are delivered again. Handling is idempotent: the dedupe keys store nothing twice.
 */
@Injectable()
export class RedriveStuckNotificationsService {
  constructor(
    private readonly redrive: EventRedrive,
    private readonly clock: Clock,
  ) {}

  /** Only the last week: an email about an older event would no longer help anyone. */
  execute(stuckAfterMs: number): Promise<number> {
    const names = NOTIFICATION_EVENTS.map((n) => `'${n}'`).join(', ');
    return this.redrive.execute(
      `SELECT e.id FROM event e
        WHERE e.name IN (${names}) AND e.occurred_at > ${LOOKBACK_WEEK} AND e.occurred_at < ${STUCK_BEFORE}
          AND NOT EXISTS (SELECT 1 FROM notification_receipt r WHERE r.event_id = e.id)
        LIMIT $2`,
      stuckAfterMs,
      this.clock.now(),
    );
  }
}
