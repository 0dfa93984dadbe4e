import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AccessScope, assertNever, decodeCursor, Page, PageRequest, ServiceType, toPage } from '@enterpark/common';
import { queryPrepared, queryRows } from '@enterpark/database';
import { Ticket } from '../domain/ticket';
import { Activity } from '../domain/service';
import { FINISHED_STATUSES, TICKET_LIMITS } from '../domain/ticket-status';
import { TicketActivityEntity } from './ticket-activity.entity';
import { NamedTicket, SlaTimer, TicketFilter, TicketHistoryEntry, TicketNames } from './ticket-query';
import { TicketEntity } from './ticket.entity';
import { applyTextSearch, ListOrder, TICKET_ORDER } from './ticket-text-search';
import { TicketVersionConflictError } from '../tickets.errors';

const FINISHED_SQL = FINISHED_STATUSES.map((s) => `'${s}'`).join(', ');

/**
 * The names a person reads next to tickets (rows of `ticket` under `alias`), as the columns of
 * TicketNames. The open match is found through its one-per-ticket partial unique index; once the
 * match has ended, the ticket's provider_id still names who served it. Each name is a subquery by
 * key rather than a join: for a page of 50 the planner otherwise hashes every zone and user (seq
 * scans of thousands of rows) and searches the join order of five tables on every call, which
 * cost as much as the page itself.
 */
const nameColumns = (alias: string) =>
  `(SELECT z.name FROM zone z WHERE z.id = ${alias}.zone_id) AS "zoneName",
   (SELECT l.title FROM demand_list l WHERE l.id = ${alias}.demand_list_id) AS "demandListTitle",
   (SELECT a.name FROM app_user a WHERE a.id = ${alias}.assignee_id) AS "assigneeName",
   (SELECT sp.name FROM service_provider sp
     WHERE sp.id = COALESCE((SELECT m.provider_id FROM ticket_match m WHERE m.ticket_id = ${alias}.id AND m.status IN ('proposed', 'accepted')), ${alias}.provider_id)) AS "providerName"`;

/** Tenancy: every read takes the caller's scope; there is no unscoped finder for callers. */
export function applyTicketScope<T extends object>(qb: SelectQueryBuilder<T>, alias: string, scope: AccessScope): SelectQueryBuilder<T> {
  switch (scope.kind) {
    case 'province':
      return qb;
    case 'zone':
      return qb.andWhere(`${alias}.zoneId = :scopeZoneId`, { scopeZoneId: scope.zoneId });
    case 'desks':
      return qb.andWhere(`${alias}.desk IN (:...scopeDesks)`, { scopeDesks: scope.desks.length ? scope.desks : ['-'] });
    default:
      return assertNever(scope);
  }
}

/** The caller's scope as a clause on `alias` for hand-written statements, its value the parameter `param` (none for the province). */
function scopeClause(scope: AccessScope, alias: string, param: string): string {
  switch (scope.kind) {
    case 'province':
      return '';
    case 'zone':
      return `AND ${alias}.zone_id = ${param}`;
    case 'desks':
      return `AND ${alias}.desk = ANY (${param}::text[])`;
    default:
      return assertNever(scope);
  }
}

function scopeParams(scope: AccessScope): unknown[] {
  return scope.kind === 'zone' ? [scope.zoneId] : scope.kind === 'desks' ? [scope.desks] : [];
}

@Injectable()
export class TicketRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One statement, one JSON parameter: TypeORM's insert builder costs more CPU than PostgreSQL does here. */
  async insertMany(manager: EntityManager, tickets: Ticket[]): Promise<void> {
    if (tickets.length === 0) return;
    await manager.query(
      `INSERT INTO ticket (id, demand_list_id, zone_id, seq, type, title, description, desired_by, tags, contact_name, contact_phone,
                           status, desk, assignee_id, version, created_at, routed_at, updated_at)
       SELECT id, "demandListId", "zoneId", seq, type, title, description, "desiredBy", tags, "contactName", "contactPhone",
              status, desk, "assigneeId", version, "createdAt", "routedAt", "updatedAt"
         FROM jsonb_to_recordset($1::jsonb) AS x(
              id uuid, "demandListId" uuid, "zoneId" uuid, seq int, type text, title text, description text,
              "desiredBy" date, tags text[], "contactName" text, "contactPhone" text, status text, desk text, "assigneeId" uuid, version int,
              "createdAt" timestamptz, "routedAt" timestamptz, "updatedAt" timestamptz)`,
      [JSON.stringify(tickets)],
    );
  }

  /** Locks the given tickets for a state change, in id order so concurrent batches cannot deadlock. */
  async lockForUpdate(manager: EntityManager, ids: string[]): Promise<Ticket[]> {
    if (ids.length === 0) return [];
    return queryPrepared<Ticket>(manager, `SELECT ${this.columnsOf('t')} FROM ticket t WHERE t.id = ANY ($1::uuid[]) ORDER BY t.id FOR UPDATE`, [ids]);
  }

  /** Writes the routing fields (and the triage clock) of many tickets in one statement. */
  async saveRouted(manager: EntityManager, tickets: Ticket[]): Promise<void> {
    if (tickets.length === 0) return;
    await queryPrepared(
      manager,
      `UPDATE ticket t
          SET status = v.status, desk = v.desk, assignee_id = v.assignee_id, routed_at = v.routed_at, updated_at = v.routed_at,
              version = v.version, sla_stage = v.sla_stage, sla_started_at = v.routed_at, sla_due_at = v.sla_due_at,
              sla_breached_at = NULL, sla_escalate_at = NULL, sla_escalated_at = NULL
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::timestamptz[], $6::int[], $7::text[], $8::timestamptz[])
              AS v(id, status, desk, assignee_id, routed_at, version, sla_stage, sla_due_at)
        WHERE t.id = v.id`,
      [
        tickets.map((t) => t.id),
        tickets.map((t) => t.status),
        tickets.map((t) => t.desk),
        tickets.map((t) => t.assigneeId),
        tickets.map((t) => t.routedAt),
        tickets.map((t) => t.version),
        tickets.map((t) => t.slaStage),
        tickets.map((t) => t.slaDueAt),
      ],
    );
  }

  /**
   * Locks one ticket the caller may see, for a state change. Tenancy first: a ticket
   * outside the scope is "not found", exactly as for a read.
   */
  async lockInScope(manager: EntityManager, scope: AccessScope, id: string): Promise<Ticket | null> {
    const [row] = await queryPrepared<Ticket>(manager, `SELECT ${this.columnsOf('t')} FROM ticket t WHERE t.id = $1 ${scopeClause(scope, 't', '$2')} FOR UPDATE`, [id, ...scopeParams(scope)]);
    return row ?? null;
  }

  /**
   * Writes transitions of many tickets in one statement (every column a transition may
   * change). The rows are locked by the caller; the version check still makes a write
   * that skipped the lock fail instead of overwriting a newer state. Prepared: every
   * transition runs it, often for one ticket, and planning it cost a third of running it.
   */
  async saveTransitions(manager: EntityManager, changes: { before: Ticket; after: Ticket }[]): Promise<void> {
    if (changes.length === 0) return;
    const rows = changes.map(({ before, after }) => ({ ...after, expectedVersion: before.version }));
    const updated = await queryPrepared<{ id: string }>(
      manager,
      `UPDATE ticket t
          SET type = x.type, title = x.title, description = x.description, desired_by = x."desiredBy", tags = x.tags,
              contact_name = x."contactName", contact_phone = x."contactPhone", status = x.status, desk = x.desk,
              assignee_id = x."assigneeId", version = x.version, routed_at = x."routedAt", updated_at = x."updatedAt",
              priority = x.priority, due_at = x."dueAt", accepted_at = x."acceptedAt", matched_at = x."matchedAt",
              first_activity_at = x."firstActivityAt", completed_at = x."completedAt", closed_at = x."closedAt",
              provider_id = x."providerId", outcome = x.outcome, rating = x.rating, round = x.round, activity_count = x."activityCount",
              matching_escalated_at = x."matchingEscalatedAt", sla_stage = x."slaStage", sla_started_at = x."slaStartedAt",
              sla_due_at = x."slaDueAt", sla_breached_at = x."slaBreachedAt", sla_escalate_at = x."slaEscalateAt",
              sla_escalated_at = x."slaEscalatedAt", sla_breaches = x."slaBreaches"
         FROM jsonb_to_recordset($1::jsonb) AS x(
              id uuid, "expectedVersion" int, type text, title text, description text, "desiredBy" date, tags text[],
              "contactName" text, "contactPhone" text, status text, desk text, "assigneeId" uuid, version int,
              "routedAt" timestamptz, "updatedAt" timestamptz, priority text, "dueAt" timestamptz, "acceptedAt" timestamptz,
              "matchedAt" timestamptz, "firstActivityAt" timestamptz, "completedAt" timestamptz, "closedAt" timestamptz,
              "providerId" uuid, outcome text, rating smallint, round int, "activityCount" int, "matchingEscalatedAt" timestamptz,
              "slaStage" text, "slaStartedAt" timestamptz, "slaDueAt" timestamptz, "slaBreachedAt" timestamptz,
              "slaEscalateAt" timestamptz, "slaEscalatedAt" timestamptz, "slaBreaches" int)
        WHERE t.id = x.id AND t.version = x."expectedVersion"
        RETURNING t.id`,
      [JSON.stringify(rows)],
    );
    if (updated.length === changes.length) return;
    const written = new Set(updated.map((r) => r.id));
    throw new TicketVersionConflictError(changes.find((c) => !written.has(c.before.id))!.before.status);
  }

  /**
   * Claims tickets whose SLA timer is due, skipping rows another sweeper holds (several
   * worker replicas may sweep at once). `unscheduled`: clocks still waiting for a deadline.
   */
  async claimSlaDue(manager: EntityManager, kind: SlaTimer, now: Date, limit: number): Promise<Ticket[]> {
    const qb = manager.getRepository(TicketEntity).createQueryBuilder('t');
    switch (kind) {
      case 'unscheduled':
        qb.where('t.slaStage IS NOT NULL AND t.slaDueAt IS NULL');
        break;
      case 'breach':
        qb.where('t.slaStage IS NOT NULL AND t.slaBreachedAt IS NULL AND t.slaDueAt <= :now', { now }).orderBy('t.slaDueAt');
        break;
      case 'unscheduled-escalation':
        qb.where('t.slaBreachedAt IS NOT NULL AND t.slaEscalatedAt IS NULL AND t.slaEscalateAt IS NULL');
        break;
      case 'escalation':
        qb.where('t.slaBreachedAt IS NOT NULL AND t.slaEscalatedAt IS NULL AND t.slaEscalateAt <= :now', { now }).orderBy('t.slaEscalateAt');
        break;
      default:
        return assertNever(kind);
    }
    return qb.limit(limit).setLock('pessimistic_write').setOnLocked('skip_locked').getMany();
  }

  async findById(scope: AccessScope, id: string): Promise<Ticket | null> {
    const qb = this.dataSource.getRepository(TicketEntity).createQueryBuilder('t').where('t.id = :id', { id });
    return applyTicketScope(qb, 't', scope).getOne();
  }

  /**
   * A page of the caller's tickets with their names, in one statement: the filtered page, then its
   * names joined to it. Each column is named after its property, so a row is a NamedTicket as
   * PostgreSQL's client builds it; TypeORM's hydration took more of the API's CPU than anything
   * else it did for a page of 50.
   */
  async list(scope: AccessScope, filter: TicketFilter, page: PageRequest, today: string): Promise<Page<NamedTicket>> {
    const { qb, order } = this.filtered(scope, filter, today);
    if (page.cursor) qb.andWhere(`(${order.createdAt}, ${order.id}) < (:createdAt, :id)`, decodeCursor(page.cursor));
    const [filtered, params] = qb.select('t.*').orderBy(order.createdAt, 'DESC').addOrderBy(order.id, 'DESC').limit(page.limit + 1).getQueryAndParameters();
    const rows = await queryRows<NamedTicket>(
      this.dataSource,
      `SELECT ${this.columnsOf('page')}, ${nameColumns('page')} FROM (${filtered}) page ORDER BY page.created_at DESC, page.id DESC`,
      params,
    );
    return toPage(rows, page.limit, (t) => ({ createdAt: t.createdAt.toISOString(), id: t.id }));
  }

  /** How many tickets `list` would page through. */
  async count(scope: AccessScope, filter: TicketFilter, today: string): Promise<number> {
    return this.filtered(scope, filter, today).qb.getCount();
  }

  /** The scoped, filtered tickets, and the columns that order them newest first (a text search may walk its postings instead). */
  private filtered(scope: AccessScope, filter: TicketFilter, today: string): { qb: SelectQueryBuilder<TicketEntity>; order: ListOrder } {
    const qb = this.dataSource.getRepository(TicketEntity).createQueryBuilder('t');
    applyTicketScope(qb, 't', scope);
    if (filter.type) qb.andWhere('t.type = :type', { type: filter.type });
    if (filter.status) qb.andWhere('t.status = :status', { status: filter.status });
    if (filter.zoneId) qb.andWhere('t.zoneId = :zoneId', { zoneId: filter.zoneId });
    if (filter.assigneeId) qb.andWhere('t.assigneeId = :assigneeId', { assigneeId: filter.assigneeId });
    if (filter.demandListId) qb.andWhere('t.demandListId = :demandListId', { demandListId: filter.demandListId });
    if (filter.overdue !== undefined) {
      // The statuses inline, as the partial index ticket_open_desired_created_idx states them.
      const overdue = `(t.desiredBy IS NOT NULL AND t.desiredBy < :today AND t.status NOT IN (${FINISHED_SQL}))`;
      qb.andWhere(filter.overdue ? overdue : `NOT ${overdue}`, { today });
    }
    if (filter.q?.words.length) return { qb, order: applyTextSearch(qb, scope, filter, filter.q) };
    if (filter.q) {
      const like = `%${filter.q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('(t.title ILIKE :like OR t.description ILIKE :like)', { like });
    }
    return { qb, order: TICKET_ORDER };
  }

  async listOfDemandList(demandListId: string): Promise<Ticket[]> {
    return this.dataSource.getRepository(TicketEntity).find({ where: { demandListId }, order: { seq: 'ASC' } });
  }

  async activities(ticketId: string): Promise<Activity[]> {
    return this.dataSource.getRepository(TicketActivityEntity).find({ where: { ticketId }, order: { recordedAt: 'ASC', id: 'ASC' }, take: TICKET_LIMITS.maxActivities });
  }

  async history(ticketId: string): Promise<TicketHistoryEntry[]> {
    const rows: { name: string; occurred_at: Date; actor_id: string | null; actor_name: string | null; payload: unknown }[] = await this.dataSource.query(
      `SELECT e.name, e.occurred_at, e.actor_id, u.name AS actor_name, e.payload
         FROM event e LEFT JOIN app_user u ON u.id = e.actor_id
        WHERE e.aggregate_id = $1 ORDER BY e.seq`,
      [ticketId],
    );
    return rows.map((e) => ({ type: e.name, at: e.occurred_at, actorId: e.actor_id, actorName: e.actor_name, data: e.payload }));
  }

  /** Who may see each ticket now (zone and desk), for tickets known only by id (events of the log). */
  async reachOf(ids: readonly string[]): Promise<Map<string, { zoneId: string; desk: ServiceType | null }>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; zone_id: string; desk: ServiceType | null }[] = await this.dataSource.query(`SELECT id, zone_id, desk FROM ticket WHERE id = ANY ($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, { zoneId: r.zone_id, desk: r.desk }]));
  }

  /** The names shown with tickets the caller already holds (ids read within their scope): one statement for a whole page. */
  async namesOf(ids: readonly string[]): Promise<Map<string, TicketNames>> {
    if (ids.length === 0) return new Map();
    // One ticket (the answer to an action) by `=`: for `= ANY` PostgreSQL judges its generic plan worse than one for a single id and plans again every time.
    const which = ids.length === 1 ? 't.id = $1' : 't.id = ANY ($1::uuid[])';
    const rows = await queryPrepared<{ id: string } & TicketNames>(this.dataSource, `SELECT t.id, ${nameColumns('t')} FROM ticket t WHERE ${which}`, [ids.length === 1 ? ids[0] : ids]);
    return new Map(rows.map(({ id, ...named }) => [id, named]));
  }

  private readonly columnLists = new Map<string, string>();

  /** Every column of the entity from `alias`, under its property's name (a date as its text, as TypeORM gives it): a row is a Ticket. */
  private columnsOf(alias: string): string {
    let list = this.columnLists.get(alias);
    if (!list) {
      list = this.dataSource
        .getMetadata(TicketEntity)
        .columns.map((c) => `${alias}.${c.databaseName}${c.type === 'date' ? '::text' : ''} AS "${c.propertyName}"`)
        .join(', ');
      this.columnLists.set(alias, list);
    }
    return list;
  }
}
