import { AppConfig } from '@enterpark/config';
import { loggerOptions, redactRequest, redactUrl } from './logger-options';

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

  it('redacts the parsed query too and keeps the rest of the request', () => {
    const req = { id: 'r-1', method: 'GET', url: '/s?access_token=abc', query: { access_token: 'abc', type: 'finance' }, headers: { host: 'x' } };
    expect(redactRequest(req)).toEqual({ id: 'r-1', method: 'GET', url: '/s?access_token=[Redacted]', query: { access_token: '[Redacted]', type: 'finance' }, headers: { host: 'x' } });
  });
});

describe('loggerOptions', () => {
  it('logs every request through the redacting serializer, headers redacted as well', () => {
    const options = loggerOptions(AppConfig.fromEnv({})).pinoHttp as { serializers: { req: unknown }; redact: string[] };
    expect(options.serializers.req).toBe(redactRequest);
    expect(options.redact).toEqual(expect.arrayContaining(['req.headers.authorization']));
  });
});
