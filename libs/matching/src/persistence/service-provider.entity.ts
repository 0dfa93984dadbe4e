import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ServiceType } from '@enterpark/common';

/** Load and ratings are the database's: a trigger counts open matches, matching adds ratings. */
const maintained = { type: 'int', insert: false, update: false } as const;

@Entity('service_provider')
export class ServiceProviderEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text')
  kind: string;

  @Column('text', { array: true })
  serviceTypes: ServiceType[];

  @Column('int')
  capacity: number;

  @Column('text', { array: true })
  cities: string[];

  @Column('text')
  province: string;

  @Column('text', { array: true })
  tags: string[];

  @Column('text')
  email: string;

  @Column('boolean')
  active: boolean;

  @Column(maintained)
  activeMatches: number;

  @Column(maintained)
  ratingSum: number;

  @Column(maintained)
  ratingCount: number;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  updatedAt: Date;
}
