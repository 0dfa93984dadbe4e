import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, ServiceType } from '@enterpark/common';
import { TransactionRunner } from '@enterpark/database';
import { appendEvents, NewEvent } from '@enterpark/events';
import { routeTicket, SlaScheduler, StaffWorkloadRepository, Ticket, TicketRepository, workloadDeltas } from '@enterpark/tickets';
import { assignInTurn } from '../domain/assignment';
import { RoutingRule } from '../domain/routing-rule';
import { DeskWorkloadRepository } from '../persistence/desk-workload.repository';

/**
 * What happens after a ticket is submitted: it goes to the desk of its type and,
 * as the desk's routing rule says, to a staff member. Idempotent: tickets that are
 * no longer `submitted` (already routed by an earlier delivery) are left alone.
 */
@Injectable()
export class RouteTicketsService {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly workload: DeskWorkloadRepository,
    private readonly staffWorkload: StaffWorkloadRepository,
    private readonly sla: SlaScheduler,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /** Routes the given tickets in one transaction; returns the ids it routed. */
  async route(ticketIds: string[]): Promise<string[]> {
    if (ticketIds.length === 0) return [];
    return this.tx.run(async (manager) => {
      const pending = (await this.tickets.lockForUpdate(manager, [...new Set(ticketIds)])).filter((t) => t.status === 'submitted');
      if (pending.length === 0) return [];
      const now = this.clock.now(); // after the lock wait, so routed_at is when routing happened
      const byDesk = groupByType(pending);
      const rules = await this.workload.rules(manager, [...byDesk.keys()]);
      const routed: Ticket[] = [];
      const events: NewEvent[] = [];
      // Desks in a fixed order: concurrent batches lock desk rows without deadlocking.
      for (const desk of [...byDesk.keys()].sort()) {
        const tickets = byDesk.get(desk)!;
        const assignees = await this.assign(manager, desk, rules.get(desk), tickets.length, now);
        tickets.forEach((ticket, i) => {
          const t = routeTicket(ticket, assignees[i] ?? null, rules.get(desk)?.assignment ?? 'desk_only', now);
          routed.push(t.ticket);
          events.push(t.event);
        });
      }
      // After every desk lock is held: the workload rows are then taken in user order.
      await this.staffWorkload.adjust(manager, workloadDeltas(routed.map((after) => ({ before: null, after }))));
      const scheduled = await this.sla.schedule(manager, routed);
      await this.tickets.saveRouted(manager, scheduled.tickets);
      await appendEvents(manager, [...events, ...scheduled.events], now);
      return routed.map((t) => t.id);
    });
  }

  private async assign(manager: EntityManager, desk: ServiceType, rule: RoutingRule | undefined, count: number, now: Date) {
    if (!rule || rule.assignment === 'desk_only') return [];
    if (rule.assignment === 'fixed') return Array.from({ length: count }, () => rule.fixedAssigneeId);
    const { assignees, lastAssigned } = assignInTurn(await this.workload.lockCandidates(manager, desk), count, now);
    await this.workload.markAssigned(manager, desk, lastAssigned);
    return assignees;
  }
}

function groupByType(tickets: Ticket[]): Map<ServiceType, Ticket[]> {
  const groups = new Map<ServiceType, Ticket[]>();
  for (const t of tickets) {
    const group = groups.get(t.type);
    if (group) group.push(t);
    else groups.set(t.type, [t]);
  }
  return groups;
}
