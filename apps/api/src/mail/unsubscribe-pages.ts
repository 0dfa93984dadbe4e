import { MailCategory } from '@enterpark/mail';

const CATEGORY_LABEL: Record<MailCategory, string> = {
  digest: '每周工作摘要邮件',
  notification: '业务通知邮件',
  assignment: '工单分配提醒邮件',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The console's 通知设置 page, where the choice can be undone after signing in. */
function settingsLink(preferencesUrl: string): string {
  return `<a href="${escapeHtml(preferencesUrl)}">通知设置</a>`;
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} - 进园区服务平台</title>
<style>
body{font-family:-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#f5f6f8;margin:0;padding:24px;color:#1f2329}
main{max-width:480px;margin:40px auto;background:#fff;border-radius:8px;padding:32px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
h1{font-size:20px;margin:0 0 16px}p{line-height:1.7;margin:0 0 16px}
button{background:#1d63d6;color:#fff;border:0;border-radius:6px;padding:10px 24px;font-size:16px;cursor:pointer}
</style>
</head>
<body><main>${body}</main></body>
</html>`;
}

/**
 * What a GET of the unsubscribe link shows. It only asks: mail scanners and link previews
 * fetch every link in a message, so the opt-out itself needs the POST behind the button.
 */
export function confirmUnsubscribePage(token: string, category: MailCategory, preferencesUrl: string): string {
  const label = CATEGORY_LABEL[category];
  return page(
    '退订确认',
    `<h1>退订${label}</h1>
<p>确认后，您将不再收到进园区服务平台发送的${label}。您可以随时登录平台，在${settingsLink(preferencesUrl)}中重新开启。</p>
<form method="post" action="?token=${encodeURIComponent(token)}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">确认退订</button>
</form>`,
  );
}

export function unsubscribedPage(category: MailCategory, preferencesUrl: string): string {
  const label = CATEGORY_LABEL[category];
  return page('已退订', `<h1>已退订</h1><p>您已退订${label}，之后不会再收到此类邮件。如需恢复，请登录平台在${settingsLink(preferencesUrl)}中重新开启。</p>`);
}

export function invalidUnsubscribeLinkPage(preferencesUrl: string): string {
  return page('链接无效', `<h1>退订链接无效</h1><p>该退订链接无效或已损坏。请使用邮件中的完整链接，或登录平台在${settingsLink(preferencesUrl)}中管理邮件订阅。</p>`);
}
