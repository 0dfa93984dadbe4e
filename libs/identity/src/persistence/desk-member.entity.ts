import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ServiceType } from '@enterpark/common';
import { UserEntity } from './user.entity';

/** A staff member's seat on a desk; routing reads these to pick an assignee. */
@Entity('desk_member')
export class DeskMemberEntity {
  @PrimaryColumn('text')
  desk: ServiceType;

  @PrimaryColumn('uuid')
  userId: string;

  @Column({ type: 'timestamptz', nullable: true })
  lastAssignedAt: Date | null;

  @ManyToOne(() => UserEntity, (u) => u.deskMemberships, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
}
