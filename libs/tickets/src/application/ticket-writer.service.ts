import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { appendEvents } from '@enterpark/events';
import { Ticket, Transition } from '../domain/ticket';
import { StaffWorkloadRepository, workloadDeltas } from '../persistence/staff-workload.repository';
import { TicketRepository } from '../persistence/ticket.repository';
import { SlaScheduler, stageStarted } from './sla-scheduler.service';

/**
 * The one way transitions of locked tickets are written: their stage deadlines, the ticket
 * rows (version-checked), the assignees' workload and their events, in the caller's
 * transaction. Many tickets cost the same few statements as one.
 */
@Injectable()
export class TicketWriter {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly workload: StaffWorkloadRepository,
    private readonly sla: SlaScheduler,
  ) {}

  async write(manager: EntityManager, before: Ticket, transition: Transition, now: Date): Promise<Ticket> {
    const [after] = await this.writeMany(manager, [{ before, transition }], now);
    return after;
  }

  /** The tickets must be distinct; answers them as written, in the given order. */
  async writeMany(manager: EntityManager, writes: { before: Ticket; transition: Transition }[], now: Date): Promise<Ticket[]> {
    if (writes.length === 0) return [];
    const befores = new Map(writes.map((w) => [w.before.id, w.before]));
    const scheduled = await this.sla.schedule(
      manager,
      writes.map((w) => w.transition.ticket),
      (ticket) => stageStarted(befores.get(ticket.id)!, ticket),
    );
    const changes = writes.map((w, i) => ({ before: w.before, after: scheduled.tickets[i] }));
    await this.tickets.saveTransitions(manager, changes);
    await this.workload.adjust(manager, workloadDeltas(changes));
    await appendEvents(manager, [...writes.flatMap((w) => w.transition.events), ...scheduled.events], now);
    return scheduled.tickets;
  }
}
