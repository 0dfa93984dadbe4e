import { Injectable } from '@nestjs/common';
import { Actor, AccessScope, Clock, scopeOf } from '@enterpark/common';
import { TransactionRunner } from '@enterpark/database';
import { ACTION_ROLES, declineMatch, matchTicket, Ticket, TicketActionForbiddenError, TicketRepository, TicketWriter, Transition, transitionAs } from '@enterpark/tickets';
import { acceptProposal, Answer, declineProposal, TicketMatch } from '../domain/ticket-match';
import { MatchNotFoundError } from '../matching.errors';
import { TicketMatchRepository } from '../persistence/ticket-match.repository';
import { ProviderLinkSigner } from './provider-link-signer.service';

/** Who answers: desk staff (or a coordinator) on the provider's behalf, or the provider with its signed link. */
export type Answerer = { kind: 'staff'; actor: Actor } | { kind: 'link'; token: string };

type Decide = (match: TicketMatch, ticket: Ticket, answer: Answer) => { match: TicketMatch; transition: Transition };

/**
 * The provider's yes or no to a proposal. Accept: the match is accepted and the ticket
 * `matched`. Decline: the match is declined with its reason and the ticket back to
 * `triaged`; ticket.match_declined makes matching propose the next candidate.
 */
@Injectable()
export class AnswerMatchService {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly writer: TicketWriter,
    private readonly matches: TicketMatchRepository,
    private readonly links: ProviderLinkSigner,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  accept(answerer: Answerer, matchId: string): Promise<TicketMatch> {
    return this.answer(answerer, matchId, 'accept-proposal', (match, ticket, answer) => ({
      match: acceptProposal(match, answer),
      transition: matchTicket(ticket, match, answer.via, answer.actorId, answer.now),
    }));
  }

  decline(answerer: Answerer, matchId: string, reason: string): Promise<TicketMatch> {
    return this.answer(answerer, matchId, 'decline-proposal', (match, ticket, answer) => ({
      match: declineProposal(match, reason, answer),
      transition: declineMatch(ticket, match, answer.via, reason, answer.actorId, answer.now),
    }));
  }

  /**
   * A link is checked before anything is read (a forged one learns nothing). Then, under
   * the ticket's lock: tenancy (404), role (403), the match's state (409), the ticket's (409).
   */
  private async answer(answerer: Answerer, matchId: string, action: 'accept-proposal' | 'decline-proposal', decide: Decide): Promise<TicketMatch> {
    const now = this.clock.now();
    if (answerer.kind === 'link') this.links.verify(matchId, answerer.token, now);
    const found = await this.matches.findById(matchId);
    if (!found) throw new MatchNotFoundError();
    const scope: AccessScope = answerer.kind === 'staff' ? scopeOf(answerer.actor) : { kind: 'province' };
    return this.tx.run(async (manager) => {
      const ticket = await this.tickets.lockInScope(manager, scope, found.ticketId);
      if (!ticket) throw new MatchNotFoundError();
      if (answerer.kind === 'staff' && !ACTION_ROLES[action].includes(answerer.actor.role)) throw new TicketActionForbiddenError(action);
      const match = (await this.matches.findForUpdate(manager, matchId))!;
      const answer: Answer = { via: answerer.kind, actorId: answerer.kind === 'staff' ? answerer.actor.id : null, now };
      const decided = answerer.kind === 'staff' ? transitionAs(answerer.actor, ticket, () => decide(match, ticket, answer)) : decide(match, ticket, answer);
      await this.matches.saveChange(manager, match, decided.match);
      await this.writer.write(manager, ticket, decided.transition, now);
      return decided.match;
    });
  }
}
