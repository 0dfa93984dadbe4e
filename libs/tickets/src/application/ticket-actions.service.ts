import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, Clock, InvalidInputError, newId, scopeOf, ServiceType } from '@enterpark/common';
import { TransactionRunner } from '@enterpark/database';
import { TicketPriority } from '@enterpark/events';
import { Activity, completeTicket, confirmTicket, recordActivity } from '../domain/service';
import { refusalFor, Ticket, Transition } from '../domain/ticket';
import { ACTION_ROLES, UserAction } from '../domain/ticket-actions';
import { ActivityKind } from '../domain/ticket-status';
import { acceptTicket, Act, assignTicket, cancelTicket, provideInfo, rejectTicket, requestInfo, rerouteTicket, returnTicket } from '../domain/triage';
import { TicketActivityEntity } from '../persistence/ticket-activity.entity';
import { StaffWorkloadRepository } from '../persistence/staff-workload.repository';
import { TicketRepository } from '../persistence/ticket.repository';
import { AssigneeNotOnDeskError, TicketActionForbiddenError, TicketNotFoundError } from '../tickets.errors';
import { TicketWriter } from './ticket-writer.service';

const MAX_DUE_MS = 2 * 366 * 24 * 3600 * 1000;

type Decide = (ticket: Ticket, act: Act, manager: EntityManager) => Transition | Promise<Transition>;

/**
 * The people's actions on a ticket (triage, service, completion). Each one: lock the
 * ticket within the caller's scope (404 outside it), check the role (403), let the
 * state machine decide (409), write the transition and its events in one transaction.
 */
@Injectable()
export class TicketActionsService {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly workload: StaffWorkloadRepository,
    private readonly writer: TicketWriter,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  accept(actor: Actor, id: string, input: { priority?: TicketPriority; dueAt?: Date }): Promise<Ticket> {
    return this.run(actor, id, 'accept', (t, act) => {
      const transition = acceptTicket(t, input, act);
      if (input.dueAt && input.dueAt <= act.now) throw InvalidInputError.field('dueAt', 'future', 'dueAt 必须晚于当前时间');
      if (input.dueAt && input.dueAt.getTime() > act.now.getTime() + MAX_DUE_MS) throw InvalidInputError.field('dueAt', 'maxDate', 'dueAt 不能晚于两年之后');
      return transition;
    });
  }

  reject(actor: Actor, id: string, reason: string): Promise<Ticket> {
    return this.run(actor, id, 'reject', (t, act) => rejectTicket(t, reason, act));
  }

  requestInfo(actor: Actor, id: string, question: string): Promise<Ticket> {
    return this.run(actor, id, 'request-info', (t, act) => requestInfo(t, question, act));
  }

  provideInfo(actor: Actor, id: string, answer: string): Promise<Ticket> {
    return this.run(actor, id, 'provide-info', (t, act) => provideInfo(t, answer, act));
  }

  returnTicket(actor: Actor, id: string, input: { reason: string; suggestedType?: ServiceType }): Promise<Ticket> {
    return this.run(actor, id, 'return', (t, act) => returnTicket(t, input, act));
  }

  reroute(actor: Actor, id: string, input: { type: ServiceType; reason: string }): Promise<Ticket> {
    return this.run(actor, id, 'reroute', (t, act) => rerouteTicket(t, input, act));
  }

  assign(actor: Actor, id: string, assigneeId: string): Promise<Ticket> {
    return this.run(actor, id, 'assign', async (t, act, manager) => {
      const transition = assignTicket(t, assigneeId, act);
      if (!(await this.workload.isDeskMember(manager, t.desk!, assigneeId))) throw new AssigneeNotOnDeskError();
      return transition;
    });
  }

  cancel(actor: Actor, id: string, reason: string): Promise<Ticket> {
    return this.run(actor, id, 'cancel', (t, act) => cancelTicket(t, reason, act));
  }

  recordActivity(actor: Actor, id: string, input: { day: string; kind: ActivityKind; notes: string }): Promise<Ticket> {
    return this.run(actor, id, 'activities', async (t, act, manager) => {
      const activity: Activity = { id: newId(), ticketId: t.id, ...input, recordedBy: act.actorId, recordedAt: act.now };
      const transition = recordActivity(t, activity, act);
      await manager.getRepository(TicketActivityEntity).insert(activity);
      return transition;
    });
  }

  complete(actor: Actor, id: string, input: { outcome: string; notes?: string }): Promise<Ticket> {
    return this.run(actor, id, 'complete', (t, act) => completeTicket(t, input, act));
  }

  confirm(actor: Actor, id: string, input: { rating: number; solved: boolean; comment?: string }): Promise<Ticket> {
    return this.run(actor, id, 'confirm', (t, act) => confirmTicket(t, input, act));
  }

  private run(actor: Actor, id: string, action: UserAction, decide: Decide): Promise<Ticket> {
    return this.tx.run(async (manager) => {
      const ticket = await this.tickets.lockInScope(manager, scopeOf(actor), id);
      if (!ticket) throw new TicketNotFoundError();
      if (!ACTION_ROLES[action].includes(actor.role)) throw new TicketActionForbiddenError(action);
      const act: Act = { actorId: actor.id, now: this.clock.now() };
      let transition: Transition;
      try {
        transition = await decide(ticket, act, manager);
      } catch (error) {
        throw refusalFor(error, actor, ticket);
      }
      return this.writer.write(manager, ticket, transition, act.now);
    });
  }
}
