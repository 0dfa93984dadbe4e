import { MailDraft } from '../mail-draft';
import { MailAddressInvalidError, MailDraftInvalidError } from '../mail.errors';
import { checkDraft } from './draft-rules';

const base: MailDraft = {
  kind: 'digest',
  category: 'digest',
  dedupeKey: 'digest:u:2026-W47',
  recipientUserId: null,
  to: { address: 'Zhang@Example.cn', name: '张明' },
  subject: '本周工作摘要',
  html: '<p>你好</p>',
  text: '你好',
};
const png = Buffer.from('89504e470d0a1a0a', 'hex').toString('base64');

describe('checkDraft', () => {
  it('normalizes the header fields it stores', () => {
    const checked = checkDraft({ ...base, subject: '主题\r\nBcc: evil@example.com', to: { address: 'Zhang@Example.cn', name: '张\r\n明' } });
    expect(checked).toEqual({ address: 'zhang@example.cn', name: '张 明', subject: '主题 Bcc: evil@example.com', inlineImages: [], attachments: [] });
  });

  it('stores a blank name as none', () => {
    expect(checkDraft({ ...base, to: { address: 'a@example.cn', name: ' \r\n ' } }).name).toBeNull();
  });

  it.each([
    ['an address with CRLF', { to: { address: 'a@example.cn\r\nBcc: evil@example.com' } }, MailAddressInvalidError, 'to.address'],
    ['two addresses', { to: { address: 'a@example.cn, evil@example.com' } }, MailAddressInvalidError, 'to.address'],
    ['a blank subject', { subject: '\r\n' }, MailDraftInvalidError, 'subject'],
    ['an empty text part', { text: '' }, MailDraftInvalidError, 'text'],
    ['an empty dedupe key', { dedupeKey: '' }, MailDraftInvalidError, 'dedupeKey'],
    ['a cid that could break its header', { inlineImages: [{ cid: 'x>\r\nBcc: e@x.cn', filename: 'a.png', contentBase64: png }] }, MailDraftInvalidError, 'inlineImages[0].cid'],
    ['two images with one cid', { inlineImages: [{ cid: 'c', filename: 'a.png', contentBase64: png }, { cid: 'c', filename: 'b.png', contentBase64: png }] }, MailDraftInvalidError, 'inlineImages[1].cid'],
    ['image content that is not base64', { inlineImages: [{ cid: 'c', filename: 'a.png', contentBase64: 'not base64!' }] }, MailDraftInvalidError, 'inlineImages[0].contentBase64'],
  ])('refuses %s, naming the field', (_case, change, type, field) => {
    let thrown: unknown;
    try {
      checkDraft({ ...base, ...(change as Partial<MailDraft>) });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(type);
    expect((thrown as MailDraftInvalidError).details[0].field).toBe(field);
  });

  it('keeps valid inline images, with a safe file name', () => {
    const checked = checkDraft({ ...base, inlineImages: [{ cid: 'chart', filename: 'a"\r\n.png', contentBase64: png }] });
    expect(checked.inlineImages).toEqual([{ cid: 'chart', filename: 'a_ .png', contentBase64: png }]);
  });
});
