import { createTransport } from 'nodemailer';
import PostalMime from 'postal-mime';
import type { MailMessage } from '../persistence/mail-message.repository';
import { messageOptions, UnsendableMessageError } from './message-options';

const message: MailMessage = {
  id: '0190f4b6-5a1e-7c2d-8e3f-0a1b2c3d4e5f',
  kind: 'digest',
  category: 'digest',
  recipientUserId: '0190f4b6-5a1e-7c2d-8e3f-0a1b2c3d4e60',
  toAddress: 'zhang@example.cn',
  toName: '张明\r\nBcc: evil@example.com',
  subject: '本周摘要\r\nBcc: evil@example.com',
  html: '<p>您好 <img src="cid:chart"></p>',
  textBody: '您好',
  inlineImages: [{ cid: 'chart', filename: 'chart.png', contentBase64: Buffer.from('89504e470d0a1a0a', 'hex').toString('base64') }],
  attachments: [{ filename: '通报.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', contentBase64: Buffer.from('PK').toString('base64') }],
  unsubscribeUrl: 'http://127.0.0.1:3000/api/v1/mail/unsubscribe?token=abc',
  messageId: '<0190f4b6-5a1e-7c2d-8e3f-0a1b2c3d4e5f@enterpark.local>',
  attempts: 1,
  createdAt: new Date('2026-11-23T00:00:00Z'),
};

async function render(m: MailMessage) {
  const transport = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = await transport.sendMail(messageOptions(m, '进园区服务平台 <noreply@enterpark.local>'));
  const raw = (info.message as Buffer).toString('utf8');
  return { raw, info, parsed: await PostalMime.parse(raw) };
}

describe('messageOptions', () => {
  it('builds the headers from the row only, with no header a user could add', async () => {
    const { raw, info, parsed } = await render(message);
    const headerBlock = raw.slice(0, raw.indexOf('\r\n\r\n'));
    expect(headerBlock).not.toMatch(/^bcc:/im);
    expect(info.envelope).toEqual({ from: 'noreply@enterpark.local', to: ['zhang@example.cn'] });
    expect(parsed.subject).toBe('本周摘要 Bcc: evil@example.com');
    expect(parsed.to).toEqual([{ address: 'zhang@example.cn', name: '张明 Bcc: evil@example.com' }]);
    expect(parsed.from).toEqual({ address: 'noreply@enterpark.local', name: '进园区服务平台' });
    expect(parsed.messageId).toBe(message.messageId);
    expect(new Date(parsed.date!).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(parsed.headers.find((h) => h.key === 'list-unsubscribe')?.value).toBe(`<${message.unsubscribeUrl}>`);
    expect(parsed.headers.find((h) => h.key === 'list-unsubscribe-post')?.value).toBe('List-Unsubscribe=One-Click');
    expect(parsed.attachments).toMatchObject([
      { contentId: '<chart>', disposition: 'inline', mimeType: 'image/png' },
      { filename: '通报.docx', disposition: 'attachment', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
    ]);
  });

  it('adds no unsubscribe headers for a recipient without an account', async () => {
    const { parsed } = await render({ ...message, recipientUserId: null, unsubscribeUrl: null });
    expect(parsed.headers.some((h) => h.key.startsWith('list-'))).toBe(false);
  });

  it('refuses a row whose address is not one plain address', () => {
    expect(() => messageOptions({ ...message, toAddress: 'a@example.cn, evil@example.com' }, 'noreply@enterpark.local')).toThrow(UnsendableMessageError);
  });
});
