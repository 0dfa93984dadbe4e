import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ServiceType } from '@enterpark/common';

/** A staff member's seat on a desk; routing reads these to pick an assignee. */
@Entity('desk_member')
export class DeskMemberEntity {
  @PrimaryColumn('text')
  desk: ServiceType;

  @PrimaryColumn('uuid')
  userId: string;

  @Column({ type: 'timestamptz', nullable: true })
  lastAssignedAt: Date | null;
}
