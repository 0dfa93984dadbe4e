import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ServiceType } from '@enterpark/common';
import { queryPrepared } from '@enterpark/database';
import { Capped, dateOf } from '@enterpark/statistics';
import { DigestTicket } from '../domain/digest-content';

interface LineRow {
  id: string;
  title: string;
  type: ServiceType;
  status: string;
  desk: ServiceType | null;
  zone_name: string;
  assignee_name: string | null;
  provider_name: string | null;
  proposed_to: string | null;
  created_at: Date;
  routed_at: Date | null;
  matched_at: Date | null;
  completed_at: Date | null;
  closed_at: Date | null;
  updated_at: Date;
  deadline: Date | null;
  desired_by: string | null;
  sla_breached_at: Date | null;
  escalated_at: Date | null;
  question: string | null;
  asked_at: Date | string | null;
}

/**
 * The tickets a digest lists, by id, in one query (the lists are capped, so these are a few
 * dozen): zone and provider names, the provider a proposal waits on, and the latest needs-info
 * question, which lifecycle keeps only in the ticket.info_requested event (event_aggregate_idx).
 */
const LINES_SQL = `
  SELECT t.id, t.title, t.type, t.status, t.desk, z.name AS zone_name, a.name AS assignee_name, p.name AS provider_name, mp.name AS proposed_to,
         t.created_at, t.routed_at, t.matched_at, t.completed_at, t.closed_at, t.updated_at,
         COALESCE(t.sla_due_at, t.due_at) AS deadline, to_char(t.desired_by, 'YYYY-MM-DD') AS desired_by, t.sla_breached_at,
         LEAST(t.sla_escalated_at, t.matching_escalated_at) AS escalated_at, q.question, q.asked_at
    FROM ticket t
    JOIN zone z ON z.id = t.zone_id
    LEFT JOIN app_user a ON a.id = t.assignee_id
    LEFT JOIN service_provider p ON p.id = t.provider_id
    LEFT JOIN ticket_match m ON m.ticket_id = t.id AND m.status = 'proposed'
    LEFT JOIN service_provider mp ON mp.id = m.provider_id
    LEFT JOIN LATERAL (
      SELECT e.payload ->> 'question' AS question, e.occurred_at AS asked_at
        FROM event e
       WHERE t.status = 'needs_info' AND e.aggregate_id = t.id AND e.name = 'ticket.info_requested'
       ORDER BY e.seq DESC
       LIMIT 1) q ON true
   WHERE t.id = ANY($1::uuid[])`;

function toTicket(r: LineRow): DigestTicket {
  return {
    id: r.id,
    title: r.title,
    type: r.type,
    status: r.status,
    desk: r.desk,
    zoneName: r.zone_name,
    assigneeName: r.assignee_name,
    providerName: r.provider_name,
    proposedTo: r.proposed_to,
    filedAt: r.created_at,
    routedAt: r.routed_at,
    matchedAt: r.matched_at,
    completedAt: r.completed_at,
    closedAt: r.closed_at,
    updatedAt: r.updated_at,
    deadline: r.deadline,
    desiredBy: r.desired_by,
    slaBreachedAt: r.sla_breached_at,
    escalatedAt: r.escalated_at,
    question: r.question,
    askedAt: dateOf(r.asked_at),
  };
}

/** A capped list of ids as the bucket queries return it. */
export interface IdBucket {
  total: number;
  ids: string[];
}

@Injectable()
export class DigestTicketLines {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Resolves every bucket's ids to tickets (one query), keeping each bucket's order. */
  async resolve<K extends string>(buckets: Record<K, IdBucket>): Promise<Record<K, Capped<DigestTicket>>> {
    return (await this.resolveMany([buckets]))[0];
  }

  /** The same for several digests' buckets at once, still one query: a batch of zone digests reads its tickets together. */
  async resolveMany<K extends string>(bucketSets: readonly Record<K, IdBucket>[]): Promise<Record<K, Capped<DigestTicket>>[]> {
    const ids = [...new Set(bucketSets.flatMap((buckets) => Object.values<IdBucket>(buckets).flatMap((b) => b.ids)))];
    const rows = ids.length ? await queryPrepared<LineRow>(this.dataSource, LINES_SQL, [ids]) : [];
    const byId = new Map(rows.map((r) => [r.id, toTicket(r)]));
    return bucketSets.map((buckets) => {
      const out = {} as Record<K, Capped<DigestTicket>>;
      for (const key of Object.keys(buckets) as K[]) {
        const bucket = buckets[key];
        out[key] = { total: bucket.total, items: bucket.ids.map((id) => byId.get(id)).filter((t): t is DigestTicket => t !== undefined) };
      }
      return out;
    });
  }
}
