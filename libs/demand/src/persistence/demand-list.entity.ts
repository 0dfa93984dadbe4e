import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DemandListStatus } from '../domain/demand-list';

@Entity('demand_list')
export class DemandListEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  zoneId: string;

  @Column('text')
  title: string;

  @Column({ type: 'text', nullable: true })
  period: string | null;

  @Column('text')
  status: DemandListStatus;

  @Column('uuid')
  filedBy: string;

  @Column({ type: 'text', nullable: true })
  idempotencyKey: string | null;

  @Column({ type: 'text', nullable: true })
  requestHash: string | null;

  @Column('int')
  itemCount: number;

  @Column('timestamptz')
  createdAt: Date;
}
