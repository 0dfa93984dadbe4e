import { checkWebhookUrl } from './webhook-url';

describe('checkWebhookUrl', () => {
  it.each([
    ['https://hooks.example.cn/enterpark', 'https://hooks.example.cn/enterpark', 'hooks.example.cn'],
    ['HTTP://Example.COM:8080/a?b=1#frag', 'http://example.com:8080/a?b=1', 'example.com'],
    ['http://[::1]:9000/x', 'http://[::1]:9000/x', '::1'],
    ['http://2130706433/', 'http://127.0.0.1/', '127.0.0.1'], // other spellings of an address are normalized before any check
    ['http://0x7f.1/', 'http://127.0.0.1/', '127.0.0.1'],
  ])('accepts %s as %s (host %s)', (raw, url, hostname) => {
    expect(checkWebhookUrl(raw)).toEqual({ ok: true, url, hostname });
  });

  it.each([
    ['ftp://example.com/', 'httpScheme'],
    ['file:///etc/passwd', 'httpScheme'],
    ['javascript:alert(1)', 'httpScheme'],
    ['gopher://127.0.0.1:6379/_INFO', 'httpScheme'],
    ['https://user:secret@example.com/', 'noCredentials'],
    ['https://user@example.com/', 'noCredentials'],
    ['example.com/hook', 'isUrl'],
    ['https://', 'isUrl'],
    [`https://example.com/${'a'.repeat(2048)}`, 'maxLength'],
    [`https://example.com/${'中'.repeat(600)}`, 'maxLength'], // fits as typed, not once percent-encoded
  ])('refuses %s (%s)', (raw, rule) => {
    expect(checkWebhookUrl(raw)).toMatchObject({ ok: false, rule });
  });
});
