/**
 * Where a provider answers a proposal: the API's page for it (GET shows, POST answers).
 * Kept here, beside the email that carries it; the API route under /api/v1 must match.
 */
export function respondUrl(publicBaseUrl: string, matchId: string, token: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/api/v1/matches/${encodeURIComponent(matchId)}/respond?token=${encodeURIComponent(token)}`;
}
