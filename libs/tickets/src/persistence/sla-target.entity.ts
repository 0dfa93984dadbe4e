import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ServiceType } from '@enterpark/common';

/** Working-day targets of one type's stages. */
@Entity('sla_target')
export class SlaTargetEntity {
  @PrimaryColumn('text') type: ServiceType;
  @Column('int') triageDays: number;
  @Column('int') matchingDays: number;
  @Column('int') serviceDays: number;
  @Column('timestamptz') updatedAt: Date;
}
