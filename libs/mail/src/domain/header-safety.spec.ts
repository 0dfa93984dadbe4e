import { addressOfMailbox, checkAddress, headerText, isSafeContentId } from './header-safety';

describe('headerText', () => {
  it.each([
    ['plain text stays', '工单已办结', 50, '工单已办结'],
    ['CRLF becomes one space', '你好\r\nBcc: evil@example.com', 100, '你好 Bcc: evil@example.com'],
    ['bare LF and CR', 'a\nb\rc', 10, 'a b c'],
    ['NUL, tab, DEL, C1', 'a\u0000b\tc\u007Fd\u0085e', 20, 'a b c d e'],
    ['Unicode line separators', 'a\u2028b\u2029c', 10, 'a b c'],
    ['runs of spaces collapse, ends trimmed', '  a   b  ', 10, 'a b'],
    ['long text is cut with an ellipsis, counting code points', '一二三四五六七八九十', 5, '一二三四…'],
    ['emoji count as one code point each', '😀😀😀', 3, '😀😀😀'],
  ])('%s', (_case, input, max, expected) => {
    expect(headerText(input, max)).toBe(expected);
  });
});

describe('checkAddress', () => {
  it.each([
    ['simple', 'zhang.ming@example.cn', 'zhang.ming@example.cn'],
    ['lower-cased', 'Zhang@Example.CN', 'zhang@example.cn'],
    ['plus tag', 'a+tag@mail.example.com', 'a+tag@mail.example.com'],
  ])('accepts %s', (_case, input, expected) => {
    expect(checkAddress(input)).toEqual({ ok: true, address: expected });
  });

  it.each([
    ['CRLF with a header', 'a@example.com\r\nBcc: evil@example.com'],
    ['bare LF', 'a@example.com\n'],
    ['two addresses with a comma', 'a@example.com,evil@example.com'],
    ['semicolon list', 'a@example.com;evil@example.com'],
    ['display name with brackets', 'Evil <evil@example.com>'],
    ['angle brackets only', '<a@example.com>'],
    ['space inside', 'a b@example.com'],
    ['two @', 'a@b@example.com'],
    ['no @', 'example.com'],
    ['no domain dot', 'a@localhost'],
    ['quoted local part', '"a,b"@example.com'],
    ['leading dot', '.a@example.com'],
    ['double dot', 'a..b@example.com'],
    ['label ending in a hyphen', 'a@exa-.com'],
    ['non-ASCII', '张@example.cn'],
    ['too long', `${'a'.repeat(64)}@${'b'.repeat(190)}.com`],
    ['empty', ''],
  ])('refuses %s', (_case, input) => {
    expect(checkAddress(input).ok).toBe(false);
  });

  it('refuses a value that is not a string', () => {
    expect(checkAddress(undefined).ok).toBe(false);
  });
});

describe('isSafeContentId', () => {
  it.each([
    ['chart', true],
    ['chart.png@enterpark', true],
    ['chart>\r\nX: y', false],
    ['', false],
    ['a b', false],
  ])('%s → %s', (cid, expected) => {
    expect(isSafeContentId(cid)).toBe(expected);
  });
});

describe('addressOfMailbox', () => {
  it.each([
    ['进园区服务平台 <noreply@enterpark.local>', 'noreply@enterpark.local'],
    ['noreply@enterpark.local', 'noreply@enterpark.local'],
    ['"Name" <No@Example.com>', 'no@example.com'],
    ['broken <', null],
  ])('%s → %s', (mailbox, expected) => {
    expect(addressOfMailbox(mailbox)).toBe(expected);
  });
});
