import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessScope, decodeCursor, Page, PageRequest, ServiceType, toPage } from '@enterpark/common';
import { Problem, ProblemCounts, ProblemStatus, ProblemTicket } from '../domain/problem';
import { ticketReachSql } from '@enterpark/tickets';
import { problemVisible } from './problem-scope';

interface ProblemRow {
  id: string;
  title: string;
  description: string | null;
  status: ProblemStatus;
  resolution: string | null;
  created_by: string;
  created_at: Date;
  resolved_by: string | null;
  resolved_at: Date | null;
}

const COLUMNS = 'p.id, p.title, p.description, p.status, p.resolution, p.created_by, p.created_at, p.resolved_by, p.resolved_at';

function toProblem(r: ProblemRow): Problem {
  return { id: r.id, title: r.title, description: r.description, status: r.status, resolution: r.resolution, createdBy: r.created_by, createdAt: r.created_at, resolvedBy: r.resolved_by, resolvedAt: r.resolved_at };
}

/** A ticket as linking needs it (status, zone, which problem holds it). */
export interface TicketForLink {
  id: string;
  zoneId: string;
  status: string;
  problemId: string | null;
}

export interface ProblemFilter {
  status?: ProblemStatus;
}

@Injectable()
export class ProblemRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, p: Problem): Promise<void> {
    await manager.query(`INSERT INTO problem (id, title, description, status, resolution, created_by, created_at) VALUES ($1, $2, $3, 'open', NULL, $4, $5)`, [
      p.id,
      p.title,
      p.description,
      p.createdBy,
      p.createdAt,
    ]);
  }

  async lock(manager: EntityManager, id: string): Promise<Problem | null> {
    const rows: ProblemRow[] = await manager.query(`SELECT ${COLUMNS} FROM problem p WHERE p.id = $1 FOR UPDATE`, [id]);
    return rows.length ? toProblem(rows[0]) : null;
  }

  async resolve(manager: EntityManager, id: string, resolution: string, by: string, at: Date): Promise<void> {
    await manager.query(`UPDATE problem SET status = 'resolved', resolution = $2, resolved_by = $3, resolved_at = $4 WHERE id = $1`, [id, resolution, by, at]);
  }

  /** The tickets asked for, locked in id order (concurrent links cannot deadlock), with the problem holding each. */
  async ticketsForLink(manager: EntityManager, ids: readonly string[]): Promise<TicketForLink[]> {
    const rows: { id: string; zone_id: string; status: string; problem_id: string | null }[] = await manager.query(
      `SELECT t.id, t.zone_id, t.status, pt.problem_id FROM ticket t LEFT JOIN problem_ticket pt ON pt.ticket_id = t.id
        WHERE t.id = ANY ($1::uuid[]) ORDER BY t.id FOR UPDATE OF t`,
      [ids],
    );
    return rows.map((r) => ({ id: r.id, zoneId: r.zone_id, status: r.status, problemId: r.problem_id }));
  }

  /** Links the tickets; answers the ids linked now (a ticket another transaction took meanwhile is not among them). */
  async link(manager: EntityManager, problemId: string, tickets: readonly { id: string; zoneId: string }[], by: string, at: Date): Promise<string[]> {
    if (tickets.length === 0) return [];
    const rows: { ticket_id: string }[] = await manager.query(
      `INSERT INTO problem_ticket (ticket_id, problem_id, zone_id, linked_by, linked_at)
       SELECT unnest($1::uuid[]), $3, unnest($2::uuid[]), $4, $5
       ON CONFLICT (ticket_id) DO NOTHING RETURNING ticket_id`,
      [tickets.map((t) => t.id), tickets.map((t) => t.zoneId), problemId, by, at],
    );
    return rows.map((r) => r.ticket_id);
  }

  async unlink(manager: EntityManager, problemId: string, ticketId: string): Promise<{ zoneId: string } | null> {
    // TypeORM answers a DELETE … RETURNING as [rows, affected].
    const [rows]: [{ zone_id: string }[], number] = await manager.query(`DELETE FROM problem_ticket WHERE problem_id = $1 AND ticket_id = $2 RETURNING zone_id`, [problemId, ticketId]);
    return rows.length ? { zoneId: rows[0].zone_id } : null;
  }

  async linkedTickets(manager: EntityManager, problemId: string): Promise<{ id: string; zoneId: string }[]> {
    const rows: { ticket_id: string; zone_id: string }[] = await manager.query(`SELECT ticket_id, zone_id FROM problem_ticket WHERE problem_id = $1 ORDER BY ticket_id`, [problemId]);
    return rows.map((r) => ({ id: r.ticket_id, zoneId: r.zone_id }));
  }

  async countLinked(manager: EntityManager, problemId: string): Promise<number> {
    const [row]: { n: number }[] = await manager.query(`SELECT count(*)::int AS n FROM problem_ticket WHERE problem_id = $1`, [problemId]);
    return row.n;
  }

  async findVisible(scope: AccessScope, id: string): Promise<Problem | null> {
    const visible = problemVisible(scope, 2);
    const rows: ProblemRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM problem p WHERE p.id = $1 AND ${visible.sql}`, [id, ...visible.params]);
    return rows.length ? toProblem(rows[0]) : null;
  }

  async list(scope: AccessScope, filter: ProblemFilter, page: PageRequest): Promise<Page<Problem>> {
    const params: unknown[] = [filter.status ?? null, page.limit + 1];
    let keyset = 'TRUE';
    if (page.cursor) {
      const at = decodeCursor(page.cursor);
      params.push(at.createdAt, at.id);
      keyset = `(p.created_at, p.id) < ($3::timestamptz, $4::uuid)`;
    }
    const visible = problemVisible(scope, params.length + 1);
    const rows: ProblemRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM problem p WHERE ($1::text IS NULL OR p.status = $1) AND ${keyset} AND ${visible.sql}
        ORDER BY p.created_at DESC, p.id DESC LIMIT $2`,
      [...params, ...visible.params],
    );
    return toPage(rows.map(toProblem), page.limit, (p) => ({ createdAt: p.createdAt.toISOString(), id: p.id }));
  }

  /** The problem holding each ticket (only tickets in one). */
  async problemOfTickets(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { ticket_id: string; problem_id: string }[] = await this.dataSource.query(`SELECT ticket_id, problem_id FROM problem_ticket WHERE ticket_id = ANY ($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.ticket_id, r.problem_id]));
  }

  /** Counts by zone and type of each problem's tickets within `scope`, in one statement for a page. */
  async counts(problemIds: readonly string[], scope: AccessScope): Promise<Map<string, ProblemCounts>> {
    const result = new Map<string, ProblemCounts>(problemIds.map((id) => [id, { ticketCount: 0, byZone: [], byType: [] }]));
    if (problemIds.length === 0) return result;
    const reach = ticketReachSql(scope, 2);
    const rows: { problem_id: string; zone_id: string; zone_name: string; type: ServiceType; n: number }[] = await this.dataSource.query(
      `SELECT pt.problem_id, pt.zone_id, z.name AS zone_name, t.type, count(*)::int AS n
         FROM problem_ticket pt JOIN ticket t ON t.id = pt.ticket_id JOIN zone z ON z.id = pt.zone_id
        WHERE pt.problem_id = ANY ($1::uuid[]) AND ${reach.sql}
        GROUP BY pt.problem_id, pt.zone_id, z.name, t.type ORDER BY z.name, t.type`,
      [problemIds, ...reach.params],
    );
    for (const r of rows) {
      const c = result.get(r.problem_id)!;
      c.ticketCount += r.n;
      const zone = c.byZone.find((z) => z.zoneId === r.zone_id);
      if (zone) zone.count += r.n;
      else c.byZone.push({ zoneId: r.zone_id, zoneName: r.zone_name, count: r.n });
      const type = c.byType.find((x) => x.type === r.type);
      if (type) type.count += r.n;
      else c.byType.push({ type: r.type, count: r.n });
    }
    for (const c of result.values()) c.byZone.sort((a, b) => b.count - a.count || a.zoneName.localeCompare(b.zoneName, 'zh-CN'));
    return result;
  }

  /** The problem's tickets the reader may read. */
  async tickets(problemId: string, scope: AccessScope): Promise<ProblemTicket[]> {
    const reach = ticketReachSql(scope, 2);
    const rows: { id: string; zone_id: string; zone_name: string; title: string; type: ServiceType; status: string; desk: ServiceType | null }[] = await this.dataSource.query(
      `SELECT t.id, t.zone_id, z.name AS zone_name, t.title, t.type, t.status, t.desk
         FROM problem_ticket pt JOIN ticket t ON t.id = pt.ticket_id JOIN zone z ON z.id = t.zone_id
        WHERE pt.problem_id = $1 AND ${reach.sql} ORDER BY z.name, t.created_at, t.id`,
      [problemId, ...reach.params],
    );
    return rows.map((r) => ({ ticketId: r.id, zoneId: r.zone_id, zoneName: r.zone_name, title: r.title, type: r.type, status: r.status, desk: r.desk }));
  }
}
