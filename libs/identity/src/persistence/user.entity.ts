import { Column, Entity, OneToMany, PrimaryColumn } from 'typeorm';
import type { Role } from '@enterpark/common';
import { DeskMemberEntity } from './desk-member.entity';

@Entity('app_user')
export class UserEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  email: string;

  @Column('text')
  name: string;

  @Column('text', { select: false })
  passwordHash: string;

  @Column('text')
  role: Role;

  @Column({ type: 'uuid', nullable: true })
  zoneId: string | null;

  @Column('timestamptz')
  createdAt: Date;

  @OneToMany(() => DeskMemberEntity, (m) => m.user)
  deskMemberships?: DeskMemberEntity[];
}
