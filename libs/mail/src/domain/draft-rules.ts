import { InlineImage, MailAttachment, MailDraft } from '../mail-draft';
import { MailAddressInvalidError, MailDraftInvalidError } from '../mail.errors';
import { checkAddress, headerText, isSafeContentId, NAME_MAX, SUBJECT_MAX } from './header-safety';

const INLINE_IMAGES_MAX = 10;
const INLINE_BYTES_MAX = 5 * 1024 * 1024;
const BODY_MAX = 2 * 1024 * 1024;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** What gets stored: the draft with its header fields already reduced to safe single lines. */
export interface CheckedDraft {
  address: string;
  name: string | null;
  subject: string;
  inlineImages: InlineImage[];
  attachments: MailAttachment[];
}

/**
 * Checked when a composer stores a message, so it learns at once (and in its own
 * transaction) that a draft can never be sent. The transport applies the header rules
 * again at send time: it is the only place headers are built.
 */
export function checkDraft(draft: MailDraft): CheckedDraft {
  if (!draft.dedupeKey || draft.dedupeKey.length > 200) throw new MailDraftInvalidError('dedupeKey', 'length', 'dedupeKey 长度必须在 1 到 200 之间');
  const address = checkAddress(draft.to?.address);
  if (!address.ok) throw new MailAddressInvalidError(address.reason);
  const subject = headerText(draft.subject ?? '', SUBJECT_MAX);
  if (!subject) throw new MailDraftInvalidError('subject', 'isNotBlank', '邮件主题不能为空');
  for (const [field, body] of [['html', draft.html], ['text', draft.text]] as const) {
    if (typeof body !== 'string' || body.length === 0) throw new MailDraftInvalidError(field, 'isNotEmpty', `${field} 正文不能为空`);
    if (body.length > BODY_MAX || body.includes('\u0000')) throw new MailDraftInvalidError(field, 'storable', `${field} 正文过长或包含空字符`);
  }
  const name = draft.to.name === undefined ? '' : headerText(draft.to.name, NAME_MAX);
  return { address: address.address, name: name || null, subject, inlineImages: checkInlineImages(draft.inlineImages ?? []), attachments: checkAttachments(draft.attachments ?? []) };
}

const ATTACHMENTS_MAX = 5;
const ATTACHMENT_BYTES_MAX = 10 * 1024 * 1024;

function checkAttachments(attachments: MailAttachment[]): MailAttachment[] {
  if (attachments.length > ATTACHMENTS_MAX) throw new MailDraftInvalidError('attachments', 'maxItems', `附件不能超过 ${ATTACHMENTS_MAX} 个`);
  let bytes = 0;
  attachments.forEach((a, i) => {
    if (!BASE64.test(a.contentBase64)) throw new MailDraftInvalidError(`attachments[${i}].contentBase64`, 'isBase64', '附件内容必须是 Base64 编码');
    if (!/^[\w.+-]+\/[\w.+-]+$/.test(a.contentType)) throw new MailDraftInvalidError(`attachments[${i}].contentType`, 'isMimeType', '附件类型无效');
    bytes += (a.contentBase64.length * 3) / 4;
  });
  if (bytes > ATTACHMENT_BYTES_MAX) throw new MailDraftInvalidError('attachments', 'maxBytes', '附件总大小不能超过 10 MB');
  return attachments.map((a) => ({ ...a, filename: headerText(a.filename, 100) }));
}

function checkInlineImages(images: InlineImage[]): InlineImage[] {
  if (images.length > INLINE_IMAGES_MAX) throw new MailDraftInvalidError('inlineImages', 'maxItems', `内嵌图片不能超过 ${INLINE_IMAGES_MAX} 张`);
  let bytes = 0;
  const cids = new Set<string>();
  const checked = images.map((image, i) => {
    if (!isSafeContentId(image.cid) || cids.has(image.cid)) {
      throw new MailDraftInvalidError(`inlineImages[${i}].cid`, 'isContentId', '内嵌图片的 cid 只能包含字母、数字、点、横线和下划线，且不能重复');
    }
    cids.add(image.cid);
    if (!BASE64.test(image.contentBase64) || image.contentBase64.length % 4 !== 0) {
      throw new MailDraftInvalidError(`inlineImages[${i}].contentBase64`, 'isBase64', '内嵌图片内容必须是 Base64 编码');
    }
    bytes += (image.contentBase64.length * 3) / 4;
    const filename = headerText(image.filename ?? '', 100).replace(/["\\/]/g, '_') || `${image.cid}.png`;
    return { cid: image.cid, filename, contentBase64: image.contentBase64 };
  });
  if (bytes > INLINE_BYTES_MAX) throw new MailDraftInvalidError('inlineImages', 'maxBytes', '内嵌图片总大小不能超过 5 MB');
  return checked;
}
