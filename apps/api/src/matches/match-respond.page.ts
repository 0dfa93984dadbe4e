import { SERVICE_TYPE_LABELS } from '@enterpark/common';
import { formatShanghai, ProposalFacts } from '@enterpark/notifications';

/** Text into HTML text or a quoted attribute. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`=]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The pages are self-contained: no script, styles inline, forms only back to this origin,
 * never framed, never cached (they carry a live link).
 */
export const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-robots-tag': 'noindex, nofollow',
} as const;

const STYLE = `
  body { margin: 0; background: #f3f5f8; color: #1f2933; font: 15px/1.7 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif; }
  header { background: #b4232a; color: #fff; padding: 14px 24px; font-size: 14px; }
  main { max-width: 640px; margin: 24px auto; background: #fff; padding: 24px; border-radius: 4px; }
  h1 { font-size: 20px; margin: 0 0 12px; }
  table { width: 100%; border-collapse: collapse; margin: 12px 0 20px; }
  td { padding: 6px 0; border-bottom: 1px solid #eef0f3; vertical-align: top; }
  td.label { color: #61707f; width: 96px; white-space: nowrap; padding-right: 12px; }
  .quote { white-space: pre-wrap; background: #f6f7f9; border-left: 4px solid #b4232a; padding: 10px 14px; margin: 0 0 12px; }
  form { margin: 16px 0; }
  button { font: inherit; padding: 8px 20px; border-radius: 4px; border: 0; cursor: pointer; }
  .accept { background: #b4232a; color: #fff; }
  .decline { background: #e4e7eb; color: #1f2933; }
  textarea { width: 100%; box-sizing: border-box; min-height: 96px; font: inherit; margin: 6px 0 10px; }
  .muted { color: #61707f; font-size: 13px; }`;

function layout(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${escapeHtml(title)} - 进园区服务平台</title><style>${STYLE}</style></head>
<body><header>进园区服务平台 · 省商务厅开发区处</header><main>${body}</main></body></html>`;
}

function rows(facts: [string, string][]): string {
  return `<table>${facts.map(([label, value]) => `<tr><td class="label">${escapeHtml(label)}</td><td>${escapeHtml(value)}</td></tr>`).join('')}</table>`;
}

/** GET: the proposal and the two answers. The forms post back to this URL (same token). */
export function proposalPage(p: ProposalFacts & { answerBy: Date }, token: string, reasonMax: number): string {
  const t = p.ticket;
  const action = `?token=${encodeURIComponent(token)}`;
  return layout(
    '一对一服务推荐',
    `<h1>一对一定制服务推荐</h1>
<p>${escapeHtml(p.provider.name)}：您好！省商务厅开发区处推荐贵单位为以下需求提供一对一定制服务，请于北京时间 ${escapeHtml(formatShanghai(p.answerBy))} 前答复。</p>
${rows([
  ['需求名称', t.title],
  ['所属园区', `${t.zone.name}（${t.zone.city}）`],
  ['服务类型', SERVICE_TYPE_LABELS[t.type]],
  ...(t.tags.length ? [['需求标签', t.tags.join('、')] as [string, string]] : []),
  ['答复截止', `${formatShanghai(p.answerBy)}（北京时间）`],
])}
${t.description ? `<p class="muted">需求说明</p><div class="quote">${escapeHtml(t.description)}</div>` : ''}
<form method="post" action="${escapeHtml(action)}">
  <input type="hidden" name="decision" value="accept">
  <button type="submit" class="accept">接受推荐，承接该服务</button>
</form>
<form method="post" action="${escapeHtml(action)}">
  <input type="hidden" name="decision" value="decline">
  <label for="reason">如无法承接，请填写婉拒理由（必填，不超过 ${reasonMax} 字）：</label>
  <textarea id="reason" name="reason" required maxlength="${reasonMax}"></textarea>
  <button type="submit" class="decline">婉拒推荐</button>
</form>
<p class="muted">每个推荐只能答复一次，答复后本链接即失效。</p>`,
  );
}

/** POST succeeded. */
export function answeredPage(decision: 'accept' | 'decline'): string {
  return decision === 'accept'
    ? layout('已接受推荐', '<h1>您已接受推荐</h1><p>感谢贵单位承接本次服务。工单已进入服务阶段，服务台工作人员将与您联系，安排进园区对接。</p>')
    : layout('已婉拒推荐', '<h1>您已婉拒推荐</h1><p>感谢您的答复。平台将为该需求推荐其他服务机构。</p>');
}

/** Any refusal: a bad, expired or used link, or a form that breaks a rule. */
export function errorPage(title: string, message: string, details: string[] = []): string {
  const list = details.length ? `<ul>${details.map((d) => `<li>${escapeHtml(d)}</li>`).join('')}</ul>` : '';
  return layout(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${list}<p class="muted">如有疑问，请联系省商务厅开发区处。</p>`);
}
