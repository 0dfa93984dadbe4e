import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ServiceType } from '@enterpark/common';
import type { AssignmentMode } from '../domain/routing-rule';

@Entity('routing_rule')
export class RoutingRuleEntity {
  @PrimaryColumn('text')
  type: ServiceType;

  @Column('text')
  assignment: AssignmentMode;

  @Column({ type: 'uuid', nullable: true })
  fixedAssigneeId: string | null;

  @Column('timestamptz')
  updatedAt: Date;
}
