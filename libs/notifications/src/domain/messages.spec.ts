import { DemandListSummary } from '@enterpark/events';
import { accountFooter, providerFooter } from './footer';
import { ProposalFacts, TicketFacts } from './notification-view';
import { renderPlainText } from './plain-text';
import { slaEscalationMessage, slaReminderMessage } from './sla-messages';
import { awaitingConfirmationMessage, infoRequestedMessage, listCompletedMessage, proposalMessage } from './ticket-messages';

const ticket: TicketFacts = {
  id: 't-1',
  title: '对接园区贷融资渠道',
  description: '园区内 30 家中小企业有融资需求\n期限 3 年',
  tags: ['园区贷', '融资'],
  type: 'finance',
  status: 'triaged',
  zone: { id: 'z-1', name: '合肥经开区', city: '合肥市' },
  demandListTitle: '2026 年第四季度需求清单',
  desk: 'finance',
  assignee: { id: 'u-1', name: '王敏' },
  provider: { id: 'p-1', name: '徽商银行合肥分行' },
};
const URL = 'https://ep.example.cn/tickets/t-1';
const late = { ticketId: 't-1', zoneId: 'z-1', stage: 'matching', dueAt: '2026-11-23T16:00:00.000Z', assigneeId: 'u-1', desk: 'finance' } as const;
const fact = (view: { facts: { label: string; value: string }[] }, label: string) => view.facts.find((f) => f.label === label)?.value;

describe('notification messages', () => {
  it('proposal: the demand, the deadline in Shanghai time, the answer link', () => {
    const proposal: ProposalFacts = {
      matchId: 'm-1',
      status: 'proposed',
      proposedAt: new Date('2026-11-16T02:00:00Z'),
      expiresAt: new Date('2026-11-23T16:00:00Z'),
      provider: { id: 'p-1', name: '徽商银行合肥分行', email: 'loan@bank.example.cn' },
      ticket,
    };
    const view = proposalMessage(proposal, proposal.expiresAt!, 'https://ep.example.cn/respond?token=x');
    expect(view).toMatchObject({ kind: 'match_proposed', subject: '【进园区服务】一对一服务推荐：对接园区贷融资渠道', greeting: '徽商银行合肥分行：您好！' });
    expect(view.quote).toEqual({ label: '需求说明', text: ticket.description });
    expect(fact(view, '所属园区')).toBe('合肥经开区（合肥市）');
    expect(fact(view, '需求标签')).toBe('园区贷、融资');
    expect(fact(view, '答复截止')).toBe('2026年11月23日 24:00（北京时间）');
    expect(view.action).toEqual({ label: '查看并答复推荐', url: 'https://ep.example.cn/respond?token=x' });
  });

  it('needs info: the question quoted, the ticket linked', () => {
    const view = infoRequestedMessage(ticket, { ticketId: 't-1', zoneId: 'z-1', question: '请补充融资规模与期限' }, new Date('2026-11-16T02:00:00Z'), '李华', URL);
    expect(view).toMatchObject({ kind: 'info_requested', subject: '【进园区服务】需求待补充信息：对接园区贷融资渠道', greeting: '李华：您好！', action: { url: URL } });
    expect(view.quote).toEqual({ label: '服务台的问题', text: '请补充融资规模与期限' });
    expect(fact(view, '提问时间')).toBe('2026年11月16日 10:00（北京时间）');
  });

  it.each([
    [1, undefined],
    [2, '第 2 轮'],
  ])('awaiting confirmation (round %s): outcome, provider, round only when reopened', (round, roundFact) => {
    const view = awaitingConfirmationMessage(ticket, { ticketId: 't-1', zoneId: 'z-1', outcome: '促成授信 3000 万元', notes: '已签约', round }, new Date('2026-11-20T08:00:00Z'), '李华', URL);
    expect(view).toMatchObject({ kind: 'awaiting_confirmation', subject: '【进园区服务】服务已完成，请确认：对接园区贷融资渠道', action: { label: '确认并评价', url: URL } });
    expect(view.quote?.text).toBe('促成授信 3000 万元\n已签约');
    expect(fact(view, '服务机构')).toBe('徽商银行合肥分行');
    expect(fact(view, '服务轮次')).toBe(roundFact);
  });

  it('list completed: counts by type and outcome, medians, rating', () => {
    const summary: DemandListSummary = {
      demandListId: 'l-1',
      zone: { id: 'z-1', name: '合肥经开区' },
      title: '2026 年第四季度需求清单',
      filedAt: '2026-11-16T02:00:00.000Z',
      completedAt: '2026-12-01T08:00:00.000Z',
      tickets: 3,
      byType: { finance: 2, training: 1 },
      byOutcome: { closed: 2, rejected: 1, cancelled: 0 },
      workingDaysToMatch: { median: 1.25, worst: 3 },
      workingDaysToComplete: { median: null, worst: null },
      averageRating: 4.5,
      ratedTickets: 2,
      slaBreachedTickets: 1,
    };
    const view = listCompletedMessage(summary, '李华');
    expect(view).toMatchObject({ kind: 'list_completed', subject: '【进园区服务】需求清单已全部办结：2026 年第四季度需求清单', action: null });
    expect(fact(view, '按类型')).toBe('金融进园区 2 项、培训进园区 1 项');
    expect(fact(view, '办理结果')).toBe('办结 2 项，驳回 1 项，取消 0 项');
    expect(fact(view, '匹配用时')).toBe('中位数 1.3 个工作日，最长 3 个工作日');
    expect(fact(view, '完成用时')).toBe('中位数 —，最长 —');
    expect(fact(view, '平均评分')).toBe('4.5 分（2 项已评价）');
    expect(fact(view, '超时工单')).toBe('1 项');
  });

  it.each([
    [false, '您负责的工单「对接园区贷融资渠道」已超过匹配时限'],
    [true, '金融进园区服务台尚未分配负责人的工单「对接园区贷融资渠道」已超过匹配时限'],
  ])('reminder (催办) to the desk: %s', (toDesk, opening) => {
    const view = slaReminderMessage(ticket, late, toDesk, '王敏', URL);
    expect(view).toMatchObject({ kind: 'sla_reminder', subject: '【催办】工单匹配已超时：对接园区贷融资渠道' });
    expect(view.paragraphs[0]).toContain(opening);
    expect(fact(view, '办理时限')).toBe('2026年11月23日 24:00（北京时间）');
    expect(fact(view, '当前状态')).toBe('已受理');
  });

  it('escalation (督办): desk and assignee named', () => {
    const view = slaEscalationMessage(ticket, late, '王敏', '张处长', URL);
    expect(view).toMatchObject({ kind: 'sla_escalation', subject: '【督办】工单匹配超时未办：对接园区贷融资渠道', greeting: '张处长：您好！' });
    expect(fact(view, '服务台')).toBe('金融进园区');
    expect(fact(view, '负责人')).toBe('王敏');
    expect(fact(slaEscalationMessage(ticket, { ...late, assigneeId: null }, null, '张处长', URL), '负责人')).toBe('未分配');
  });

  it('a title with a line break stays out of the subject line but whole in the body', () => {
    const view = infoRequestedMessage({ ...ticket, title: '融资\r\nBcc: x@evil.example' }, { ticketId: 't-1', zoneId: 'z-1', question: '?' }, new Date('2026-11-16T02:00:00Z'), '李华', URL);
    expect(view.subject).toBe('【进园区服务】需求待补充信息：融资 Bcc: x@evil.example');
    expect(fact(view, '需求名称')).toBe('融资\r\nBcc: x@evil.example');
  });
});

describe('renderPlainText', () => {
  it('writes the content and every link out in full', () => {
    const view = infoRequestedMessage(ticket, { ticketId: 't-1', zoneId: 'z-1', question: '第一行\n第二行' }, new Date('2026-11-16T02:00:00Z'), '李华', URL);
    const text = renderPlainText(view, accountFooter('https://ep.example.cn/u?token=a', 'https://ep.example.cn/prefs'));
    expect(text).toContain('李华：您好！');
    expect(text).toContain('服务台的问题：\n  第一行\n  第二行');
    expect(text).toContain('需求名称：对接园区贷融资渠道');
    expect(text).toContain(`查看工单并答复：${URL}`);
    expect(text).toContain('退订通知邮件：https://ep.example.cn/u?token=a');
    expect(text).toContain('管理邮件偏好：https://ep.example.cn/prefs');
  });

  it('a provider has no unsubscribe link', () => {
    expect(providerFooter().links).toEqual([]);
  });
});
