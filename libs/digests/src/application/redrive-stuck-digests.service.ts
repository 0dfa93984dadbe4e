import { Injectable } from '@nestjs/common';
import { DigestRepository } from '../persistence/digest.repository';
import { DigestJobs } from './digest-jobs';

/** Stuck digests looked at per reconciler round; the rest wait for the next round. */
const LIMIT = 1000;

/**
 * The reconciler's use case for digests: a digest still planned after `stuckAfterMs` lost
 * its compose job (Redis lost it) or the worker holding it died; its job is queued again.
 */
@Injectable()
export class RedriveStuckDigestsService {
  constructor(
    private readonly digests: DigestRepository,
    private readonly jobs: DigestJobs,
  ) {}

  async execute(stuckAfterMs: number): Promise<number> {
    const stuck = await this.digests.stuckPlanned(stuckAfterMs, LIMIT);
    if (stuck.length === 0) return 0;
    return this.jobs.redrive(stuck, Date.now() - stuckAfterMs);
  }
}
