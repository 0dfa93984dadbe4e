export const WEBHOOK_URL_MAX_LENGTH = 2048;

export type WebhookUrlCheck = { ok: true; url: string; hostname: string } | { ok: false; rule: string; message: string };

/**
 * What a webhook URL must look like before anything is resolved or stored: http(s) only,
 * no user:password (it would be sent to whoever answers, and logged), at most 2048
 * characters once normalized. The fragment is never sent, so it is dropped.
 */
export function checkWebhookUrl(raw: string): WebhookUrlCheck {
  if (raw.length > WEBHOOK_URL_MAX_LENGTH) return refuse('maxLength', `url 不能超过 ${WEBHOOK_URL_MAX_LENGTH} 个字符`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse('isUrl', 'url 不是有效的网址');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return refuse('httpScheme', 'url 必须以 https:// 或 http:// 开头');
  if (url.username || url.password) return refuse('noCredentials', 'url 不能包含用户名或密码');
  if (!url.hostname) return refuse('isUrl', 'url 缺少主机名');
  url.hash = '';
  const normalized = url.href;
  if (normalized.length > WEBHOOK_URL_MAX_LENGTH) return refuse('maxLength', `url 不能超过 ${WEBHOOK_URL_MAX_LENGTH} 个字符`);
  return { ok: true, url: normalized, hostname: bareHost(url.hostname) };
}

/** URL keeps IPv6 literals in brackets; resolvers and address parsers want them bare. */
export function bareHost(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

function refuse(rule: string, message: string): WebhookUrlCheck {
  return { ok: false, rule, message };
}
