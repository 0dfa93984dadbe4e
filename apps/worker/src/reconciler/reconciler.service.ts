import { Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@enterpark/config';
import { RedriveStuckMatchingService } from '@enterpark/matching';
import { RedriveStuckCompletionService } from '@enterpark/reporting';
import { RedriveStuckTicketsService } from '@enterpark/routing';
import { OutboxRelay } from '../outbox/outbox-relay.service';

/**
 * Periodically re-drives work whose job was lost (tickets stuck in `submitted`, accepted
 * tickets without a proposal, finished tickets still holding a provider or lacking their
 * summary, lists whose tickets are all final) through the outbox.
 */
@Injectable()
export class Reconciler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Reconciler');
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<void> = Promise.resolve();

  constructor(
    private readonly routing: RedriveStuckTicketsService,
    private readonly matching: RedriveStuckMatchingService,
    private readonly completion: RedriveStuckCompletionService,
    private readonly relay: OutboxRelay,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.round = this.round.then(async () => void (await this.reconcileOnce()));
    }, this.config.reconcileIntervalMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.round;
  }

  async reconcileOnce(): Promise<number> {
    try {
      const after = this.config.reconcileStuckAfterMs;
      const count = (await this.routing.execute(after)) + (await this.matching.execute(after)) + (await this.completion.execute(after));
      if (count > 0) {
        this.logger.warn(`re-driving ${count} event(s) whose jobs were lost`);
        this.relay.wake();
      }
      return count;
    } catch (error) {
      this.logger.error(`reconcile round failed: ${(error as Error).message}`);
      return 0;
    }
  }
}
