import type { SendMailOptions } from 'nodemailer';
import { addressOfMailbox, checkAddress, headerText, NAME_MAX, SUBJECT_MAX } from '../domain/header-safety';
import type { MailMessage } from '../persistence/mail-message.repository';

/** A stored message whose address cannot be sent to (stored before the rules, or edited by hand). */
export class UnsendableMessageError extends Error {}

/**
 * The one place a stored message becomes headers. Only fields of the row are used, each
 * through the header rules again (defence in depth: rows may predate a rule or be edited
 * by hand); user text reaches the header block only as a subject or a display name, which
 * nodemailer encodes as RFC 2047 words. The envelope is given explicitly, so no header
 * text is ever parsed for recipients. The Date is the store time, so that a re-send after
 * a crash is the same message, not merely one with the same Message-ID.
 */
export function messageOptions(message: MailMessage, mailFrom: string): SendMailOptions {
  const to = checkAddress(message.toAddress);
  if (!to.ok) throw new UnsendableMessageError(`收件人地址无效：${to.reason}`);
  const from = addressOfMailbox(mailFrom);
  if (!from) throw new UnsendableMessageError('MAIL_FROM 中没有有效的发件地址');
  const name = message.toName ? headerText(message.toName, NAME_MAX) : '';
  const fromName = headerText(mailFrom.replace(/<[^<>]*>\s*$/, '').replace(/^"|"$/g, ''), NAME_MAX);
  return {
    from: fromName && fromName !== from ? { name: fromName, address: from } : from,
    to: name ? { name, address: to.address } : to.address,
    envelope: { from, to: [to.address] },
    subject: headerText(message.subject, SUBJECT_MAX),
    messageId: message.messageId,
    date: message.createdAt,
    text: message.textBody,
    html: message.html,
    attachments: [
      ...message.inlineImages.map((image) => ({
        cid: image.cid,
        filename: headerText(image.filename, 100),
        content: Buffer.from(image.contentBase64, 'base64'),
        contentType: 'image/png',
        contentDisposition: 'inline' as const,
      })),
      ...(message.attachments ?? []).map((file) => ({
        filename: headerText(file.filename, 100),
        content: Buffer.from(file.contentBase64, 'base64'),
        contentType: file.contentType,
        contentDisposition: 'attachment' as const,
      })),
    ],
    headers: unsubscribeHeaders(message),
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

/** RFC 8058 one-click unsubscribe, for messages that have an account (and so preferences) behind them. */
function unsubscribeHeaders(message: MailMessage): Record<string, string> {
  const url = message.unsubscribeUrl;
  if (!message.recipientUserId || !url || !/^https?:\/\/[^\s<>"]+$/.test(url)) return {};
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
