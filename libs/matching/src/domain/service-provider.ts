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
  /** Its home province: a zone of the same province fits better than one elsewhere. */
  province: string;
  tags: string[];
  email: string;
  active: boolean;
  /** Open matches (proposed or accepted), kept by the database; never above capacity. */
  activeMatches: number;
  /** Ratings (1–5) of the closed tickets it served: their sum and number. */
  ratingSum: number;
  ratingCount: number;
  createdAt: Date;
  updatedAt: Date;
}

export const PROVIDER_LIMITS = {
  nameLength: 100,
  kindLength: 50,
  maxCities: 50,
  maxTags: 20,
  tagLength: 30,
  maxCapacity: 10000,
  provinceLength: 50,
} as const;

export const DEFAULT_PROVINCE = '安徽省';

/** The plain mean of its ratings (null before the first), for display; ranking uses a Bayesian mean. */
export function averageRating(provider: Pick<ServiceProvider, 'ratingSum' | 'ratingCount'>): number | null {
  return provider.ratingCount > 0 ? Math.round((provider.ratingSum / provider.ratingCount) * 100) / 100 : null;
}
