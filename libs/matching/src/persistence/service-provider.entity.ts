import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ServiceType } from '@enterpark/common';

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

  @Column('text', { array: true })
  tags: string[];

  @Column('text')
  email: string;

  @Column('boolean')
  active: boolean;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  updatedAt: Date;
}
