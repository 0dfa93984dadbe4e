import { Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@enterpark/config';
import { RedriveStuckTicketsService } from '@enterpark/routing';
import { OutboxRelay } from '../outbox/outbox-relay.service';

/** Periodically re-drives tickets stuck in `submitted` (their job was lost) through the outbox. */
@Injectable()
export class Reconciler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Reconciler');
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<void> = Promise.resolve();

  constructor(
    private readonly redrive: RedriveStuckTicketsService,
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
      const count = await this.redrive.execute(this.config.reconcileStuckAfterMs);
      if (count > 0) {
        this.logger.warn(`re-driving ${count} ticket(s) stuck in submitted`);
        this.relay.wake();
      }
      return count;
    } catch (error) {
      this.logger.error(`reconcile round failed: ${(error as Error).message}`);
      return 0;
    }
  }
}
