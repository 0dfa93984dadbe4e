import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, Clock, InvalidInputError, newId } from '@enterpark/common';
import { TransactionRunner } from '@enterpark/database';
import { appendEvents } from '@enterpark/events';
import { linkEvents, Problem, PROBLEM_LIMITS, ProblemDetail, resolutionEvents, UNLINKABLE_STATUSES } from '../domain/problem';
import { ProblemEmptyError, ProblemNotFoundError, ProblemResolvedError, ProblemTicketNotLinkedError, ProblemTicketTakenError, ProblemWriteForbiddenError } from '../problems.errors';
import { ProblemRepository } from '../persistence/problem.repository';
import { ReadProblemsService } from './read-problems.service';

export interface CreateProblemInput {
  title: string;
  description?: string;
  ticketIds: string[];
}

/**
 * Coordinators group tickets into a problem, change its tickets and resolve it. Each change
 * and its ticket events commit in one transaction; the problem row is locked first, so a
 * resolve and a link of the same problem run one after the other.
 */
@Injectable()
export class ManageProblemsService {
  constructor(
    private readonly problems: ProblemRepository,
    private readonly reader: ReadProblemsService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, input: CreateProblemInput): Promise<ProblemDetail> {
    assertCoordinator(actor);
    const now = this.clock.now();
    const problem: Problem = { id: newId(), title: input.title, description: input.description ?? null, status: 'open', resolution: null, createdBy: actor.id, createdAt: now, resolvedBy: null, resolvedAt: null };
    await this.tx.run(async (manager) => {
      await this.problems.insert(manager, problem);
      await this.linkAll(manager, problem, input.ticketIds, actor, now);
    });
    return this.reader.get(actor, problem.id);
  }

  async addTickets(actor: Actor, id: string, ticketIds: string[]): Promise<ProblemDetail> {
    assertCoordinator(actor);
    await this.tx.run(async (manager) => {
      const problem = await this.openProblem(manager, id);
      await this.linkAll(manager, problem, ticketIds, actor, this.clock.now());
    });
    return this.reader.get(actor, id);
  }

  async removeTicket(actor: Actor, id: string, ticketId: string): Promise<ProblemDetail> {
    assertCoordinator(actor);
    await this.tx.run(async (manager) => {
      const problem = await this.openProblem(manager, id);
      const removed = await this.problems.unlink(manager, id, ticketId);
      if (!removed) throw new ProblemTicketNotLinkedError();
      await appendEvents(manager, linkEvents('ticket.problem_unlinked', problem, [{ id: ticketId, zoneId: removed.zoneId }], actor.id), this.clock.now());
    });
    return this.reader.get(actor, id);
  }

  /**
   * Resolves the problem and writes `ticket.problem_resolved` on each linked ticket with the
   * resolution: each ticket's history shows it, each zone's managers are mailed once (the
   * notification's dedupe key is per problem and recipient), each desk may complete with it.
   */
  async resolve(actor: Actor, id: string, resolution: string): Promise<ProblemDetail> {
    assertCoordinator(actor);
    await this.tx.run(async (manager) => {
      const problem = await this.openProblem(manager, id);
      const tickets = await this.problems.linkedTickets(manager, id);
      if (tickets.length === 0) throw new ProblemEmptyError();
      const now = this.clock.now();
      await this.problems.resolve(manager, id, resolution, actor.id, now);
      await appendEvents(manager, resolutionEvents(problem, resolution, tickets, actor.id), now);
    });
    return this.reader.get(actor, id);
  }

  private async openProblem(manager: EntityManager, id: string): Promise<Problem> {
    const problem = await this.problems.lock(manager, id);
    if (!problem) throw new ProblemNotFoundError();
    if (problem.status === 'resolved') throw new ProblemResolvedError();
    return problem;
  }

  /** Links the tickets not yet in this problem; refuses unknown, rejected/cancelled and other problems' tickets. */
  private async linkAll(manager: EntityManager, problem: Problem, ticketIds: readonly string[], actor: Actor, now: Date): Promise<void> {
    const ids = [...new Set(ticketIds.map((t) => t.toLowerCase()))];
    const found = await this.problems.ticketsForLink(manager, ids);
    const missing = ids.filter((t) => !found.some((f) => f.id === t));
    if (missing.length) throw InvalidInputError.field('ticketIds', 'exists', `工单不存在：${missing.join('、')}`);
    const unlinkable = found.filter((t) => UNLINKABLE_STATUSES.includes(t.status));
    if (unlinkable.length) throw InvalidInputError.field('ticketIds', 'linkable', `已驳回或已撤回的工单不能归集：${unlinkable.map((t) => t.id).join('、')}`);
    const taken = found.filter((t) => t.problemId !== null && t.problemId !== problem.id);
    if (taken.length) throw new ProblemTicketTakenError(taken.map((t) => t.id));
    const fresh = found.filter((t) => t.problemId === null);
    const total = (await this.problems.countLinked(manager, problem.id)) + fresh.length;
    if (total > PROBLEM_LIMITS.ticketsPerProblem) {
      throw InvalidInputError.field('ticketIds', 'maxTicketsPerProblem', `一个问题最多关联 ${PROBLEM_LIMITS.ticketsPerProblem} 张工单`);
    }
    const linked = await this.problems.link(manager, problem.id, fresh, actor.id, now);
    if (linked.length !== fresh.length) throw new ProblemTicketTakenError(fresh.filter((t) => !linked.includes(t.id)).map((t) => t.id));
    await appendEvents(manager, linkEvents('ticket.problem_linked', problem, fresh, actor.id), now);
  }
}

function assertCoordinator(actor: Actor): void {
  if (actor.role !== 'coordinator') throw new ProblemWriteForbiddenError();
}
