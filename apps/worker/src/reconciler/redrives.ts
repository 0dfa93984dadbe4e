import { Provider } from '@nestjs/common';
import { RedriveStuckMailService } from '@enterpark/mail';
import { RedriveStuckMatchingService } from '@enterpark/matching';
import { RedriveStuckNotificationsService } from '@enterpark/notifications';
import { RedriveStuckDigestsService } from '@enterpark/digests';
import { RedriveStuckCompletionService } from '@enterpark/summaries';
import { RedriveStuckTicketsService } from '@enterpark/routing';

/** A lib's answer to "what work of mine was lost?": it re-drives it and says how much. */
export interface Redrive {
  execute(stuckAfterMs: number): Promise<number>;
}

export interface NamedRedrive {
  /** The `what` label of enterpark_reconciler_redrives_total. */
  what: string;
  redrive: Redrive;
}

/** Redrives that mark events unpublished: the outbox relay delivers them again. */
export const EVENT_REDRIVES = Symbol('EVENT_REDRIVES');
/** Redrives that queue their own jobs again from stored rows (mail, digests): no events involved. */
export const JOB_REDRIVES = Symbol('JOB_REDRIVES');

const named = (what: string[]) => (...redrives: Redrive[]): NamedRedrive[] => redrives.map((redrive, i) => ({ what: what[i], redrive }));

export const REDRIVE_PROVIDERS: Provider[] = [
  {
    provide: EVENT_REDRIVES,
    useFactory: named(['routing', 'matching', 'completion', 'notifications']),
    inject: [RedriveStuckTicketsService, RedriveStuckMatchingService, RedriveStuckCompletionService, RedriveStuckNotificationsService],
  },
  {
    provide: JOB_REDRIVES,
    useFactory: named(['mail', 'digests']),
    inject: [RedriveStuckMailService, RedriveStuckDigestsService],
  },
];
