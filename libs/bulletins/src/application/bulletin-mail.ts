import { MailDraft } from '@enterpark/mail';
import { BulletinContent, bulletinFileName, DOCX_TYPE, percent } from '../domain/bulletin-content';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The bulletin's email to one person: a short summary, the .docx attached. */
export function bulletinDraft(content: BulletinContent, docx: Buffer, to: { id: string; email: string; name: string }): MailDraft {
  const o = content.overview;
  const lines = [
    `${to.name}，您好：`,
    `现将《${content.title}》印发给您，全文见附件。`,
    `${content.period.label}全省共提交服务需求 ${o.submitted} 项，已办结 ${o.completed} 项，办结率 ${percent(o.completionRate)}，满意率 ${percent(o.satisfactionRate)}。`,
    '省商务厅开发区处',
  ];
  return {
    kind: 'bulletin',
    category: 'digest',
    dedupeKey: `bulletin:${content.period.id}:${to.id}`,
    recipientUserId: to.id,
    to: { address: to.email, name: to.name },
    subject: content.title,
    text: lines.join('\n\n'),
    html: lines.map((l) => `<p>${escape(l)}</p>`).join(''),
    attachments: [{ filename: bulletinFileName(content, 'docx'), contentType: DOCX_TYPE, contentBase64: docx.toString('base64') }],
  };
}
