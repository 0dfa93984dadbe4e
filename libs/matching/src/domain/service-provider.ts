import { ServiceType } from '@enterpark/common';

/** A provider of one-to-one service: expert, bank, media outlet, trainer, investment agency, instructor. */
export interface ServiceProvider {
  id: string;
  name: string;
  kind: string;
  serviceTypes: ServiceType[];
  /** How many tickets it can serve at the same time. */
  capacity: number;
  cities: string[];
  tags: string[];
  email: string;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export const PROVIDER_LIMITS = { nameLength: 100, kindLength: 50, maxCities: 50, maxTags: 20, tagLength: 30, maxCapacity: 10000 } as const;
