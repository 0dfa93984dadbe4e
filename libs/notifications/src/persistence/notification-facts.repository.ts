import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ServiceType } from '@enterpark/common';
import { queryPrepared } from '@enterpark/database';
import { ProposalFacts, TicketFacts } from '../domain/notification-view';
import { ProblemResolutionFacts } from '../domain/problem-messages';

interface TicketRow {
  id: string;
  title: string;
  description: string | null;
  tags: string[];
  type: ServiceType;
  status: string;
  desk: ServiceType | null;
  zone_id: string;
  zone_name: string;
  zone_city: string;
  list_title: string;
  assignee_id: string | null;
  assignee_name: string | null;
  provider_id: string | null;
  provider_name: string | null;
  sla_due_at: Date | null;
}

const TICKET_FACTS = `
  SELECT t.id, t.title, t.description, t.tags, t.type, t.status, t.desk,
         z.id AS zone_id, z.name AS zone_name, z.city AS zone_city, l.title AS list_title,
         a.id AS assignee_id, a.name AS assignee_name, p.id AS provider_id, p.name AS provider_name, t.sla_due_at
    FROM ticket t
    JOIN zone z ON z.id = t.zone_id
    JOIN demand_list l ON l.id = t.demand_list_id
    LEFT JOIN app_user a ON a.id = t.assignee_id
    LEFT JOIN service_provider p ON p.id = t.provider_id`;

/** The state a notification shows, read afresh when its event is handled (events carry ids). */
@Injectable()
export class NotificationFactsRepository {
  /** A resolved problem as one zone reads it: its own tickets in it (null: no such resolved problem). */
  async problemResolution(manager: EntityManager, problemId: string, zoneId: string): Promise<ProblemResolutionFacts | null> {
    const rows = await queryPrepared<{ resolved_at: Date; zone_name: string; titles: string[] }>(
      manager,
      `SELECT p.resolved_at, z.name AS zone_name,
              ARRAY(SELECT t.title FROM problem_ticket pt JOIN ticket t ON t.id = pt.ticket_id
                     WHERE pt.problem_id = p.id AND pt.zone_id = z.id ORDER BY t.created_at, t.id LIMIT 20) AS titles
         FROM problem p, zone z WHERE p.id = $1 AND z.id = $2 AND p.status = 'resolved'`,
      [problemId, zoneId],
    );
    return rows.length ? { resolvedAt: rows[0].resolved_at, zoneName: rows[0].zone_name, ticketTitles: rows[0].titles } : null;
  }

  async ticket(manager: EntityManager, ticketId: string): Promise<TicketFacts | null> {
    const [row] = await queryPrepared<TicketRow>(manager, `${TICKET_FACTS} WHERE t.id = $1`, [ticketId]);
    return row ? toTicketFacts(row) : null;
  }

  /** Several tickets in one round trip (a batch of events); a ticket that does not exist is absent. */
  async tickets(manager: EntityManager, ticketIds: readonly string[]): Promise<Map<string, TicketFacts>> {
    const rows = ticketIds.length ? await queryPrepared<TicketRow>(manager, `${TICKET_FACTS} WHERE t.id = ANY($1::uuid[])`, [ticketIds]) : [];
    return new Map(rows.map((r) => [r.id, toTicketFacts(r)]));
  }

  async proposal(manager: EntityManager, matchId: string): Promise<ProposalFacts | null> {
    const [match] = await queryPrepared<{ id: string; ticket_id: string; status: string; proposed_at: Date; expires_at: Date | null; provider_id: string; provider_name: string; provider_email: string }>(
      manager,
      `SELECT m.id, m.ticket_id, m.status, m.proposed_at, m.expires_at, p.id AS provider_id, p.name AS provider_name, p.email AS provider_email
         FROM ticket_match m JOIN service_provider p ON p.id = m.provider_id
        WHERE m.id = $1`,
      [matchId],
    );
    if (!match) return null;
    const ticket = await this.ticket(manager, match.ticket_id);
    if (!ticket) return null;
    return {
      matchId: match.id,
      status: match.status,
      proposedAt: match.proposed_at,
      expiresAt: match.expires_at,
      provider: { id: match.provider_id, name: match.provider_name, email: match.provider_email },
      ticket,
    };
  }
}

function toTicketFacts(r: TicketRow): TicketFacts {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    tags: r.tags,
    type: r.type,
    status: r.status,
    desk: r.desk,
    zone: { id: r.zone_id, name: r.zone_name, city: r.zone_city },
    demandListTitle: r.list_title,
    assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name! } : null,
    provider: r.provider_id ? { id: r.provider_id, name: r.provider_name! } : null,
    slaDueAt: r.sla_due_at,
  };
}
