import { redactUrl } from '@enterpark/common';

describe('request logs keep secrets out of URLs', () => {
  it.each([
    ['/api/v1/tickets/stream?access_token=eyJhbGciOi.x.y', '/api/v1/tickets/stream?access_token=[Redacted]'],
    ['/api/v1/tickets/stream?limit=5&access_token=abc#top', '/api/v1/tickets/stream?limit=5&access_token=[Redacted]#top'],
    ['/api/v1/mail/unsubscribe?token=u.digest.mac', '/api/v1/mail/unsubscribe?token=[Redacted]'],
    ['/api/v1/matches/m/respond?token=abc&x=1', '/api/v1/matches/m/respond?token=[Redacted]&x=1'],
    ['/api/v1/tickets?q=token=1&status=routed', '/api/v1/tickets?q=token=1&status=routed'],
    ['/api/v1/tickets?my_token=1', '/api/v1/tickets?my_token=1'],
  ])('%s → %s', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });
});
