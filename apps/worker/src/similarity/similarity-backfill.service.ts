import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { IndexTicketTermsService } from '@enterpark/similarity';

const BATCH = 500;

/**
 * Once per worker start, in the background: indexes for similar-ticket search every ticket
 * intake did not index (filed before the index existed, or written by SQL), a batch per
 * transaction, until none is left. Intake indexes new tickets itself, so this soon finds none.
 */
@Injectable()
export class SimilarityBackfill implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('SimilarityBackfill');
  private stopping = false;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly index: IndexTicketTermsService) {}

  onApplicationBootstrap(): void {
    this.running = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.running;
  }

  private async run(): Promise<void> {
    let total = 0;
    try {
      for (let n = await this.index.backfill(BATCH); n > 0 && !this.stopping; n = await this.index.backfill(BATCH)) total += n;
    } catch (error) {
      this.logger.error(`similarity backfill stopped: ${(error as Error).message}`);
    }
    if (total > 0) this.logger.log(`indexed ${total} ticket(s) for similar-ticket search`);
  }
}
