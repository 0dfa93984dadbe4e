import { Injectable } from '@nestjs/common';
import { AppConfig } from '@enterpark/config';
import { signProviderLink, verifyProviderLink } from '../domain/provider-link';
import { TicketMatch } from '../domain/ticket-match';
import { MatchLinkInvalidError, MatchProposalExpiredError } from '../matching.errors';

/** A proposal whose window is not scheduled yet (calendar year missing) still gets a link that ends. */
export const LINK_FALLBACK_TTL_MS = 14 * 24 * 3600 * 1000;

/**
 * Signs and checks the links a provider answers a proposal with (no account needed). The
 * key is derived from JWT_SECRET for this one purpose, so a link can never pass as an
 * access token or the other way round. Single use comes from the match: once answered,
 * it is no longer `proposed`.
 */
@Injectable()
export class ProviderLinkSigner {
  constructor(private readonly config: AppConfig) {}

  /** The token for `match`'s link (`?token=`), valid until the proposal's window ends. */
  linkFor(match: Pick<TicketMatch, 'id' | 'proposedAt' | 'expiresAt'>): string {
    return signProviderLink(this.secretKey(), match.id, this.linkExpiry(match));
  }

  linkExpiry(match: Pick<TicketMatch, 'proposedAt' | 'expiresAt'>): Date {
    return match.expiresAt ?? new Date(match.proposedAt.getTime() + LINK_FALLBACK_TTL_MS);
  }

  /** Throws MatchLinkInvalidError (forged, tampered, another match's) or MatchProposalExpiredError. */
  verify(matchId: string, token: string, now: Date): void {
    const verdict = verifyProviderLink(this.secretKey(), matchId, token, now);
    if (verdict.valid) return;
    if (verdict.reason === 'expired') throw new MatchProposalExpiredError(tokenExpiry(token));
    throw new MatchLinkInvalidError();
  }

  private secretKey(): Buffer {
    return this.config.purposeKey('provider-link');
  }
}

function tokenExpiry(token: string): Date {
  return new Date(Number(token.split('.')[0]) * 1000);
}
