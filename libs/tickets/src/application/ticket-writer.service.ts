import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { appendEvents } from '@enterpark/events';
import { Ticket, Transition } from '../domain/ticket';
import { StaffWorkloadRepository, workloadDeltas } from '../persistence/staff-workload.repository';
import { TicketRepository } from '../persistence/ticket.repository';
import { SlaScheduler, stageStarted } from './sla-scheduler.service';

/**
 * The one way a transition of a locked ticket is written: its stage deadline, the ticket
 * row (version-checked), the assignee's workload and its events, in the caller's transaction.
 */
@Injectable()
export class TicketWriter {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly workload: StaffWorkloadRepository,
    private readonly sla: SlaScheduler,
  ) {}

  async write(manager: EntityManager, before: Ticket, transition: Transition, now: Date): Promise<Ticket> {
    const scheduled = await this.sla.schedule(manager, [transition.ticket], (ticket) => stageStarted(before, ticket));
    const after = scheduled.tickets[0];
    await this.tickets.saveTransition(manager, before, after);
    await this.workload.adjust(manager, workloadDeltas([{ before, after }]));
    await appendEvents(manager, [...transition.events, ...scheduled.events], now);
    return after;
  }
}
