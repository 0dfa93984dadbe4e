import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ZoneLevel } from '../domain/zone';

@Entity('zone')
export class ZoneEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  code: string;

  @Column('text')
  name: string;

  @Column('text')
  level: ZoneLevel;

  @Column('text')
  city: string;

  @Column('text')
  province: string;

  @Column('timestamptz')
  createdAt: Date;
}
