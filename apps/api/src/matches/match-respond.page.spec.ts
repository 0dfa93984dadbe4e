import { ProposalFacts } from '@enterpark/notifications';
import { errorPage, escapeHtml, proposalPage } from './match-respond.page';

const proposal: ProposalFacts & { answerBy: Date } = {
  matchId: 'm-1',
  status: 'proposed',
  proposedAt: new Date('2026-11-16T02:00:00Z'),
  expiresAt: new Date('2026-11-23T16:00:00Z'),
  answerBy: new Date('2026-11-23T16:00:00Z'),
  provider: { id: 'p-1', name: '徽商银行<合肥>分行', email: 'loan@bank.example.cn' },
  ticket: {
    id: 't-1',
    title: '融资"><script>alert(1)</script>',
    description: '第一行\n第二行',
    tags: ['园区贷'],
    type: 'finance',
    status: 'matching',
    zone: { id: 'z-1', name: '合肥经开区', city: '合肥市' },
    demandListTitle: '清单',
    desk: 'finance',
    assignee: null,
    provider: null,
    slaDueAt: null,
  },
};

describe('the provider answer page', () => {
  it.each([
    ['<script>', '&#60;script&#62;'],
    [`"'\`=&`, '&#34;&#39;&#96;&#61;&#38;'],
    ['普通文本', '普通文本'],
  ])('escapes %s', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it('shows the proposal with user text escaped and two forms posting back with the token', () => {
    const html = proposalPage(proposal, '1795536000.abc_DEF-123', 500);
    expect(html).not.toContain('<script>');
    expect(html).toContain('融资&#34;&#62;&#60;script&#62;');
    expect(html).toContain('徽商银行&#60;合肥&#62;分行');
    expect(html).toContain('2026年11月23日 24:00');
    expect(html.match(/<form method="post" action="\?token&#61;1795536000\.abc_DEF-123">/g)).toHaveLength(2);
    expect(html).toContain('name="decision" value="accept"');
    expect(html).toContain('name="decision" value="decline"');
    expect(html).toContain('<textarea id="reason" name="reason" required maxlength="500">');
  });

  it('an error page names the problem and lists the details', () => {
    const html = errorPage('提交的内容有误', '请返回上一页修改后重新提交。', ['reason 不能为空白']);
    expect(html).toContain('<h1>提交的内容有误</h1>');
    expect(html).toContain('<li>reason 不能为空白</li>');
  });
});
