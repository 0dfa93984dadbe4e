import { Injectable } from '@nestjs/common';
import { AccessScope, Actor, Page, PageRequest, scopeOf } from '@enterpark/common';
import { TicketNotFoundError, TicketRepository } from '@enterpark/tickets';
import { Problem, ProblemDetail, ProblemView } from '../domain/problem';
import { ProblemNotFoundError } from '../problems.errors';
import { ProblemFilter, ProblemRepository } from '../persistence/problem.repository';

/**
 * What a zone manager's counts cover: their own zone's tickets only. A problem's reach into
 * other zones (which, how many) is not theirs to know; the department's readers see it all.
 */
function countScope(actor: Actor): AccessScope {
  return actor.role === 'zone_manager' ? scopeOf(actor) : { kind: 'province' };
}

/**
 * Scoped reads of problems. A problem exists for a reader who may read one of its tickets
 * (coordinators and viewers: all); its ticket list shows only the tickets the reader may
 * read, so a zone manager never learns another zone's ticket ids or titles.
 */
@Injectable()
export class ReadProblemsService {
  constructor(
    private readonly problems: ProblemRepository,
    private readonly tickets: TicketRepository,
  ) {}

  async list(actor: Actor, filter: ProblemFilter, page: PageRequest): Promise<Page<ProblemView>> {
    const found = await this.problems.list(scopeOf(actor), filter, page);
    return { items: await this.withCounts(actor, found.items), nextCursor: found.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<ProblemDetail> {
    const problem = await this.problems.findVisible(scopeOf(actor), id);
    if (!problem) throw new ProblemNotFoundError();
    const [[view], tickets] = await Promise.all([this.withCounts(actor, [problem]), this.problems.tickets(id, scopeOf(actor))]);
    return { ...view, tickets };
  }

  /** The problem holding a ticket the caller may read (null: none); a ticket out of reach is not found. */
  async ofTicket(actor: Actor, ticketId: string): Promise<ProblemDetail | null> {
    if (!(await this.tickets.findById(scopeOf(actor), ticketId))) throw new TicketNotFoundError();
    const problemId = (await this.problems.problemOfTickets([ticketId])).get(ticketId);
    return problemId ? this.get(actor, problemId) : null;
  }

  private async withCounts(actor: Actor, problems: Problem[]): Promise<ProblemView[]> {
    const counts = await this.problems.counts(problems.map((p) => p.id), countScope(actor));
    return problems.map((p) => ({ ...p, ...counts.get(p.id)! }));
  }
}
