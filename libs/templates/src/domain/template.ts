import { ServiceType } from '@enterpark/common';

export const TEMPLATE_STATUSES = ['draft', 'published'] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];
export const TEMPLATE_STATUS_LABELS: Record<TemplateStatus, string> = { draft: '草稿', published: '已发布' };

/** A ticket becomes a template once the zone confirmed it solved (closed) and rated it at least this. */
export const TEMPLATE_RULES = { minRating: 4, eligibleStatus: 'closed' } as const;

export const TEMPLATE_LIMITS = { titleLength: 200, demandLength: 4000, outcomeLength: 2000, stepNotesLength: 2000, maxSteps: 100, suggestDefault: 3, suggestMax: 10, suggestCandidates: 500 } as const;

export interface TemplateStep {
  day: string;
  kind: string;
  notes: string;
}

export interface ExperienceTemplate {
  id: string;
  sourceTicketId: string;
  type: ServiceType;
  title: string;
  demand: string;
  steps: TemplateStep[];
  outcome: string;
  providerKind: string | null;
  rating: number;
  status: TemplateStatus;
  ownerId: string;
  ownerName: string;
  createdAt: Date;
  updatedAt: Date;
  /** Tickets that used it. */
  usedCount: number;
  /** The average rating of those tickets that the zone rated (null: none yet). */
  averageRating: number | null;
}

export interface TemplateSource {
  id: string;
  type: ServiceType;
  title: string;
  description: string | null;
  status: string;
  rating: number | null;
  outcome: string | null;
  providerKind: string | null;
  steps: TemplateStep[];
}

export function isEligibleSource(t: Pick<TemplateSource, 'status' | 'rating'>): boolean {
  return t.status === TEMPLATE_RULES.eligibleStatus && t.rating !== null && t.rating >= TEMPLATE_RULES.minRating;
}

export interface TemplateChanges {
  title?: string;
  demand?: string;
  outcome?: string;
  steps?: TemplateStep[];
  status?: TemplateStatus;
}
