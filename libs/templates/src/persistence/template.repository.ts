import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessScope, assertNever, decodeCursor, Page, PageRequest, ServiceType, toPage } from '@enterpark/common';
import { ticketReachSql } from '@enterpark/tickets';
import { ExperienceTemplate, TemplateChanges, TemplateSource, TemplateStatus, TemplateStep } from '../domain/template';

interface TemplateRow {
  id: string;
  source_ticket_id: string;
  type: ServiceType;
  title: string;
  demand: string;
  steps: TemplateStep[];
  outcome: string;
  provider_kind: string | null;
  rating: number;
  status: TemplateStatus;
  owner_id: string;
  owner_name: string;
  created_at: Date;
  updated_at: Date;
  used_count: number;
  average_rating: number | null;
}

const SELECT = `
  SELECT e.*, u.name AS owner_name,
         (SELECT count(*)::int FROM template_use tu WHERE tu.template_id = e.id) AS used_count,
         (SELECT round(avg(t.rating), 2)::float8 FROM template_use tu JOIN ticket t ON t.id = tu.ticket_id WHERE tu.template_id = e.id AND t.rating IS NOT NULL) AS average_rating
    FROM experience_template e JOIN app_user u ON u.id = e.owner_id`;

function toTemplate(r: TemplateRow): ExperienceTemplate {
  return {
    id: r.id,
    sourceTicketId: r.source_ticket_id,
    type: r.type,
    title: r.title,
    demand: r.demand,
    steps: r.steps,
    outcome: r.outcome,
    providerKind: r.provider_kind,
    rating: r.rating,
    status: r.status,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    usedCount: r.used_count,
    averageRating: r.average_rating,
  };
}

/** Whom a template is shown to: everyone who reads templates sees published ones; drafts only their owner (and the province's readers). */
export type TemplateReach = { kind: 'all' } | { kind: 'published_or_own'; userId: string };

function reachSql(reach: TemplateReach, first: number): { sql: string; params: unknown[] } {
  switch (reach.kind) {
    case 'all':
      return { sql: 'TRUE', params: [] };
    case 'published_or_own':
      return { sql: `(e.status = 'published' OR e.owner_id = $${first})`, params: [reach.userId] };
    default:
      return assertNever(reach);
  }
}

export interface TemplateFilter {
  type?: ServiceType;
  q?: string;
  status?: TemplateStatus;
}

@Injectable()
export class TemplateRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A ticket in the caller's scope as a template starts from it: its provider's kind and its service record. */
  async source(scope: AccessScope, ticketId: string): Promise<TemplateSource | null> {
    const reach = ticketReachSql(scope, 2);
    const rows: { id: string; type: ServiceType; title: string; description: string | null; status: string; rating: number | null; outcome: string | null; provider_kind: string | null; steps: TemplateStep[] }[] =
      await this.dataSource.query(
        `SELECT t.id, t.type, t.title, t.description, t.status, t.rating, t.outcome, p.kind AS provider_kind,
                coalesce((SELECT jsonb_agg(jsonb_build_object('day', a.day::text, 'kind', a.kind, 'notes', a.notes) ORDER BY a.day, a.recorded_at, a.id)
                            FROM ticket_activity a WHERE a.ticket_id = t.id), '[]'::jsonb) AS steps
           FROM ticket t LEFT JOIN service_provider p ON p.id = t.provider_id
          WHERE t.id = $1 AND ${reach.sql}`,
        [ticketId, ...reach.params],
      );
    if (rows.length === 0) return null;
    const r = rows[0];
    return { id: r.id, type: r.type, title: r.title, description: r.description, status: r.status, rating: r.rating, outcome: r.outcome, providerKind: r.provider_kind, steps: r.steps };
  }

  async idForSource(ticketId: string): Promise<string | null> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM experience_template WHERE source_ticket_id = $1`, [ticketId]);
    return rows[0]?.id ?? null;
  }

  /** Answers false when the ticket already has a template (the unique source). */
  async insert(t: Omit<ExperienceTemplate, 'ownerName' | 'usedCount' | 'averageRating'>): Promise<boolean> {
    const rows = await this.dataSource.query(
      `INSERT INTO experience_template (id, source_ticket_id, type, title, demand, steps, outcome, provider_kind, rating, status, owner_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11, $12, $12) ON CONFLICT (source_ticket_id) DO NOTHING RETURNING id`,
      [t.id, t.sourceTicketId, t.type, t.title, t.demand, JSON.stringify(t.steps), t.outcome, t.providerKind, t.rating, t.status, t.ownerId, t.createdAt],
    );
    return rows.length === 1;
  }

  async find(reach: TemplateReach, id: string): Promise<ExperienceTemplate | null> {
    const r = reachSql(reach, 2);
    const rows: TemplateRow[] = await this.dataSource.query(`${SELECT} WHERE e.id = $1 AND ${r.sql}`, [id, ...r.params]);
    return rows.length ? toTemplate(rows[0]) : null;
  }

  async list(reach: TemplateReach, filter: TemplateFilter, page: PageRequest): Promise<Page<ExperienceTemplate>> {
    const params: unknown[] = [filter.type ?? null, filter.status ?? null, filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null, page.limit + 1];
    let keyset = 'TRUE';
    if (page.cursor) {
      const at = decodeCursor(page.cursor);
      params.push(at.createdAt, at.id);
      keyset = `(e.created_at, e.id) < ($5::timestamptz, $6::uuid)`;
    }
    const r = reachSql(reach, params.length + 1);
    const rows: TemplateRow[] = await this.dataSource.query(
      `${SELECT} WHERE ($1::text IS NULL OR e.type = $1) AND ($2::text IS NULL OR e.status = $2)
         AND ($3::text IS NULL OR e.title ILIKE $3 OR e.demand ILIKE $3 OR e.outcome ILIKE $3) AND ${keyset} AND ${r.sql}
       ORDER BY e.created_at DESC, e.id DESC LIMIT $4`,
      [...params, ...r.params],
    );
    return toPage(rows.map(toTemplate), page.limit, (t) => ({ createdAt: t.createdAt.toISOString(), id: t.id }));
  }

  /** The newest published templates, the candidates a ticket's suggestions are ranked from. */
  async published(limit: number): Promise<ExperienceTemplate[]> {
    const rows: TemplateRow[] = await this.dataSource.query(`${SELECT} WHERE e.status = 'published' ORDER BY e.updated_at DESC, e.id LIMIT $1`, [limit]);
    return rows.map(toTemplate);
  }

  async update(id: string, changes: TemplateChanges, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE experience_template SET title = coalesce($2, title), demand = coalesce($3, demand), outcome = coalesce($4, outcome),
              steps = coalesce($5::jsonb, steps), status = coalesce($6, status), updated_at = $7 WHERE id = $1`,
      [id, changes.title ?? null, changes.demand ?? null, changes.outcome ?? null, changes.steps ? JSON.stringify(changes.steps) : null, changes.status ?? null, at],
    );
  }

  /** Records a use once per (template, ticket); answers whether it is new. */
  async recordUse(manager: EntityManager, templateId: string, ticketId: string, by: string, at: Date): Promise<boolean> {
    const rows = await manager.query(
      `INSERT INTO template_use (template_id, ticket_id, used_by, used_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING ticket_id`,
      [templateId, ticketId, by, at],
    );
    return rows.length === 1;
  }
}
