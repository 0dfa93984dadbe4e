import { ServiceType } from '@enterpark/common';
import type { User } from '@enterpark/identity';
import { InlineImage } from '@enterpark/mail';
import { Capped, RankingItem, ZoneRow } from '@enterpark/statistics';

/** Who a digest is for: the account as the digest run read it. */
export type DigestRecipient = Pick<User, 'id' | 'email' | 'name' | 'role' | 'zoneId' | 'desks'>;

export function recipientOf(user: User): DigestRecipient {
  return { id: user.id, email: user.email, name: user.name, role: user.role, zoneId: user.zoneId, desks: user.desks };
}

/** A rendered digest, ready to become a MailDraft. */
export interface ComposedDigest {
  subject: string;
  html: string;
  text: string;
  inlineImages: InlineImage[];
}

/** A ticket as a digest line shows it. Times are instants; the views format them in Shanghai. */
export interface DigestTicket {
  id: string;
  title: string;
  type: ServiceType;
  status: string;
  desk: ServiceType | null;
  zoneName: string;
  assigneeName: string | null;
  /** The matched provider. */
  providerName: string | null;
  /** The provider a pending proposal waits on. */
  proposedTo: string | null;
  filedAt: Date;
  routedAt: Date | null;
  matchedAt: Date | null;
  completedAt: Date | null;
  closedAt: Date | null;
  updatedAt: Date;
  /** The running stage's SLA deadline, else the due date the desk set. */
  deadline: Date | null;
  desiredBy: string | null;
  slaBreachedAt: Date | null;
  escalatedAt: Date | null;
  /** The latest needs-info question (only for tickets waiting on the zone). */
  question: string | null;
  askedAt: Date | null;
}

/** What moved this week: each count is of tickets whose stage timestamp falls in the week. */
export const WEEK_STAGES = ['filed', 'routed', 'matched', 'completed', 'closed'] as const;
export type WeekStage = (typeof WEEK_STAGES)[number];
export type WeekFlow = Record<WeekStage, number>;

export interface DemandListLine {
  id: string;
  title: string;
  items: number;
  at: Date;
}

export interface ZoneDigestData {
  zone: { id: string; name: string };
  flow: WeekFlow;
  /** Tickets with at least one stage this week, latest first. */
  activity: Capped<DigestTicket>;
  listsFiled: Capped<DemandListLine>;
  listsCompleted: Capped<DemandListLine>;
  needsInfo: Capped<DigestTicket>;
  awaitingConfirmation: Capped<DigestTicket>;
  overdue: Capped<DigestTicket>;
}

/** A desk's queue; each bucket's order is fixed by DESK_BUCKET_ORDER (so per-desk lists can be merged). */
export const DESK_BUCKETS = ['arrived', 'unassigned', 'awaitingTriage', 'proposals', 'breached', 'escalated', 'completed'] as const;
export type DeskBucket = (typeof DESK_BUCKETS)[number];

export interface DeskQueue {
  desk: ServiceType;
  /** Open tickets (not finished) by status. */
  openByStatus: Record<string, number>;
  buckets: Record<DeskBucket, Capped<DigestTicket>>;
}

export interface TypeRow {
  type: ServiceType;
  filed: number;
  completed: number;
  open: number;
}

export interface ProvinceDigestData {
  flow: WeekFlow;
  byType: TypeRow[];
  openByStatus: Record<string, number>;
  zones: ZoneRow[];
  /** The zones ranked over the week's submissions, as GET /rankings ranks them. */
  league: RankingItem[];
  escalations: Capped<DigestTicket>;
  slowest: Capped<DigestTicket>;
}

/** What every desk and the province share in a week: computed once, reused for all their recipients. */
export interface DigestBoard {
  province: ProvinceDigestData;
  desks: DeskQueue[];
}
