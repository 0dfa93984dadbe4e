import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@enterpark/common';

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

  @Column('boolean')
  active: boolean;

  @Column('integer')
  tokenVersion: number;

  @Column('timestamptz')
  createdAt: Date;
}
