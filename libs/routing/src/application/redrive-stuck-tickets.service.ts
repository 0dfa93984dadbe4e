import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const BATCH = 1000;

/**
 * The reconciler's use case. A ticket still `submitted` long after its event was
 * published lost its job (Redis flushed, a failover without persistence): mark the
 * event unpublished so the relay delivers it again. Redelivery is safe because
 * routing is idempotent.
 */
@Injectable()
export class RedriveStuckTicketsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(stuckAfterMs: number): Promise<number> {
    // For an UPDATE, TypeORM answers [rows, affectedCount].
    const [, affected]: [unknown[], number] = await this.dataSource.query(
      `UPDATE event e SET published_at = NULL
        WHERE e.name = 'ticket.submitted'
          AND e.published_at < now() - make_interval(secs => $1::double precision / 1000)
          AND e.aggregate_id IN (
                SELECT t.id FROM ticket t
                 WHERE t.status = 'submitted'
                   AND t.created_at < now() - make_interval(secs => $1::double precision / 1000)
                 ORDER BY t.created_at
                 LIMIT $2)
        RETURNING e.id`,
      [stuckAfterMs, BATCH],
    );
    return affected;
  }
}
