import { formatStartUpSummary, SummaryPasswords } from './start-up-summary';

const BASE = 'http://127.0.0.1:3000';
const ACCOUNTS = [
  { email: 'admin@enterpark.local', role: '协调员 coordinator' },
  { email: 'leader@demo.enterpark.cn', role: '领导 viewer' },
];
const FILE = '/srv/enterpark/.data/initial-passwords.txt';
const passwords = (p: Partial<SummaryPasswords>): SummaryPasswords => ({ firstStart: null, adminEmail: 'admin@enterpark.local', file: FILE, fileExists: false, ...p });

describe('the start-up summary', () => {
  it.each([
    [true, true],
    [false, false],
  ])('names the API docs only when they are served (API_DOCS=%s)', (apiDocs, shown) => {
    const text = formatStartUpSummary(BASE, apiDocs, ACCOUNTS, passwords({}));
    expect(text.includes(`接口文档  ${BASE}/api/docs`)).toBe(shown);
    expect(text).toContain(`健康检查  ${BASE}/health/ready`);
  });

  it.each<[string, Partial<SummaryPasswords>, RegExp[]]>([
    [
      'a first start that generated both: the file and how to read it',
      { firstStart: { passwordsFile: FILE, adminGenerated: true, demo: { generated: true } }, fileExists: true },
      [/admin@enterpark\.local +已生成，见下方文件\n/, /其余演示账号 +已生成，见下方文件\n/, new RegExp(`已写入 ${FILE}（仅所有者可读，不写入日志）。查看：cat ${FILE}$`)],
    ],
    [
      'a first start with both passwords from the configuration: no file',
      { firstStart: { passwordsFile: null, adminGenerated: false, demo: { generated: false } } },
      [/admin@enterpark\.local +取自 BOOTSTRAP_ADMIN_PASSWORD\n/, /其余演示账号 +取自 DEMO_PASSWORD$/],
    ],
    [
      'a first start without demo data',
      { firstStart: { passwordsFile: FILE, adminGenerated: true } },
      [/admin@enterpark\.local +已生成，见下方文件\n生成的初始密码已写入/],
    ],
    ['a later start, the file still there', { fileExists: true }, [new RegExp(`密码：首次启动时生成的初始密码在 ${FILE}（仅所有者可读；查看：cat ${FILE}，保存后请删除该文件）`)]],
    ['a later start, the file deleted', {}, [/未设置的当时已生成并写入 .+（该文件现已不在）$/]],
  ])('%s', (_case, p, expected) => {
    const text = formatStartUpSummary(BASE, true, ACCOUNTS, passwords(p));
    for (const pattern of expected) expect(text).toMatch(pattern);
    if (!p.firstStart?.demo) expect(text).not.toContain('其余演示账号');
  });

  it('quotes a path a shell would split', () => {
    const text = formatStartUpSummary(BASE, true, ACCOUNTS, passwords({ file: "/home/li lei/it's/.data/initial-passwords.txt", fileExists: true }));
    expect(text).toContain(`查看：cat '/home/li lei/it'\\''s/.data/initial-passwords.txt'`);
  });
});
