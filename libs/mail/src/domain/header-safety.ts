/**
 * The only gate between text a person typed (a ticket title in a subject, a user's name)
 * and the header block of a message. Pure functions, so that the rules are tested as a table.
 */

/** C0/C1 controls, DEL, and the Unicode line and paragraph separators: anything that could end a header line. */
const CONTROL_CLASS = '[\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]';
const LINE_BREAKING = new RegExp(CONTROL_CLASS, 'g');
const HAS_LINE_BREAKING = new RegExp(CONTROL_CLASS);

export const SUBJECT_MAX = 200;
export const NAME_MAX = 100;
export const ADDRESS_MAX = 254;

/** One line of text for a header: controls become spaces, runs of spaces collapse, at most `max` code points. */
export function headerText(value: string, max: number): string {
  const flat = value.replace(LINE_BREAKING, ' ').replace(/\s+/g, ' ').trim();
  const points = [...flat];
  return points.length <= max ? flat : `${points.slice(0, max - 1).join('').trimEnd()}…`;
}

/**
 * One plain ASCII address and nothing else: `local@domain`, dot-atom local part, a domain of
 * LDH labels with a dot. Quoted local parts, comments, display names, IP literals and
 * internationalized addresses are refused rather than interpreted: nothing in here may be
 * read by a mail library as a second address or a header.
 */
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

export type AddressVerdict = { ok: true; address: string } | { ok: false; reason: string };

export function checkAddress(value: unknown): AddressVerdict {
  if (typeof value !== 'string') return { ok: false, reason: '必须是字符串' };
  if (HAS_LINE_BREAKING.test(value)) return fail('不能包含换行或控制字符');
  if (/[,;<>"()\s\\[\]:]/.test(value)) return fail('只能是一个不含空格、逗号、分号、引号或尖括号的地址');
  if (value.length > ADDRESS_MAX) return fail(`不能超过 ${ADDRESS_MAX} 个字符`);
  const at = value.lastIndexOf('@');
  if (at <= 0 || value.indexOf('@') !== at) return fail('必须恰好包含一个 @');
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length > 64 || !LOCAL_PART.test(local)) return fail('@ 之前的部分不合法');
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => DOMAIN_LABEL.test(l))) return fail('域名不合法');
  return { ok: true, address: value.toLowerCase() };
}

function fail(reason: string): AddressVerdict {
  return { ok: false, reason };
}

/** A content id for an inline image, as it appears in `cid:` URLs and the Content-ID header. */
export function isSafeContentId(value: string): boolean {
  return /^[A-Za-z0-9._-]{1,64}(@[A-Za-z0-9.-]{1,100})?$/.test(value);
}

/** The bare address inside MAIL_FROM (`名称 <a@b>` or `a@b`), for the SMTP envelope and Message-ID domain. */
export function addressOfMailbox(mailbox: string): string | null {
  const inBrackets = /<([^<>\s]+)>\s*$/.exec(mailbox);
  const verdict = checkAddress(inBrackets ? inBrackets[1] : mailbox.trim());
  return verdict.ok ? verdict.address : null;
}
