import { AppConfig } from '@enterpark/config';
import { MatchLinkInvalidError, MatchProposalExpiredError } from '../matching.errors';
import { LINK_FALLBACK_TTL_MS, ProviderLinkSigner } from './provider-link-signer.service';

const signer = (secret = 'link-test-secret-link-test-secret-0123456789') => new ProviderLinkSigner(AppConfig.fromEnv({}, { JWT_SECRET: secret }));

const MATCH = {
  id: '5f0c1a3e-8d7b-4c2a-9e1f-0a1b2c3d4e5f',
  proposedAt: new Date('2026-11-16T02:00:00Z'),
  expiresAt: new Date('2026-11-18T16:00:00Z'),
};
const BEFORE = new Date('2026-11-18T15:59:59Z');

function refusal(run: () => void): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return null;
}

describe('ProviderLinkSigner', () => {
  it('accepts its own link for the match until the proposal window ends', () => {
    const token = signer().linkFor(MATCH);
    expect(token).toMatch(/^\d+\.[A-Za-z0-9_-]{43}$/);
    expect(() => signer().verify(MATCH.id, token, BEFORE)).not.toThrow();
  });

  it.each<[string, (token: string) => string]>([
    ['a changed signature', (t) => t.slice(0, -1) + (t.endsWith('A') ? 'B' : 'A')],
    ['a changed signature in its last character\'s low bits', (t) => t.slice(0, -1) + String.fromCharCode(t.charCodeAt(t.length - 1) ^ 1)],
    ['a later expiry', (t) => `${Number(t.split('.')[0]) + 86400}.${t.split('.')[1]}`],
    ['a truncated token', (t) => t.slice(0, 20)],
    ['garbage', () => 'not-a-token'],
  ])('refuses %s as invalid', (_name, tamper) => {
    const token = tamper(signer().linkFor(MATCH));
    expect(refusal(() => signer().verify(MATCH.id, token, BEFORE))).toBeInstanceOf(MatchLinkInvalidError);
  });

  it('refuses the link of another match', () => {
    const token = signer().linkFor({ ...MATCH, id: '11111111-2222-4333-8444-555555555555' });
    expect(refusal(() => signer().verify(MATCH.id, token, BEFORE))).toBeInstanceOf(MatchLinkInvalidError);
  });

  it('refuses a link signed with another secret', () => {
    const token = signer('another-secret-another-secret-another-secret').linkFor(MATCH);
    expect(refusal(() => signer().verify(MATCH.id, token, BEFORE))).toBeInstanceOf(MatchLinkInvalidError);
  });

  it('refuses an expired link with its own code', () => {
    const token = signer().linkFor(MATCH);
    const error = refusal(() => signer().verify(MATCH.id, token, MATCH.expiresAt));
    expect(error).toBeInstanceOf(MatchProposalExpiredError);
    expect((error as MatchProposalExpiredError).code).toBe('MATCH_PROPOSAL_EXPIRED');
  });

  it('ends a link of a proposal without a scheduled window after the fallback time', () => {
    const unscheduled = { ...MATCH, expiresAt: null };
    const token = signer().linkFor(unscheduled);
    const end = new Date(MATCH.proposedAt.getTime() + LINK_FALLBACK_TTL_MS);
    expect(() => signer().verify(MATCH.id, token, new Date(end.getTime() - 1000))).not.toThrow();
    expect(refusal(() => signer().verify(MATCH.id, token, end))).toBeInstanceOf(MatchProposalExpiredError);
  });
});
