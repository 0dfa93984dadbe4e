import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@enterpark/common';
import { MatchAlreadyAnsweredError, MatchNotFoundError, ProviderLinkSigner } from '@enterpark/matching';
import { ProposalFacts } from '../domain/notification-view';
import { NotificationFactsRepository } from '../persistence/notification-facts.repository';

/**
 * What the provider's answer page shows: the proposal its link was signed for. The link is
 * checked before anything is read (a forged one learns nothing); a proposal no longer
 * waiting for an answer is refused like a used link.
 */
@Injectable()
export class ReadProposalService {
  constructor(
    private readonly facts: NotificationFactsRepository,
    private readonly links: ProviderLinkSigner,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Throws MatchLinkInvalidError, MatchProposalExpiredError, MatchNotFoundError or MatchAlreadyAnsweredError. */
  async forLink(matchId: string, token: string): Promise<ProposalFacts & { answerBy: Date }> {
    this.links.verify(matchId, token, this.clock.now());
    const proposal = await this.facts.proposal(this.dataSource.manager, matchId);
    if (!proposal) throw new MatchNotFoundError();
    if (proposal.status !== 'proposed') throw new MatchAlreadyAnsweredError(proposal.status);
    return { ...proposal, answerBy: this.links.linkExpiry(proposal) };
  }
}
