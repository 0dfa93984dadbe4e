import { parseIsoWeek } from '@enterpark/common';
import { mergeDeskQueues } from './desk-digest-view';
import { Capped } from '@enterpark/statistics';
import { DESK_BUCKETS, DeskQueue, DigestTicket, ZoneDigestData } from './digest-content';
import { withInlineImagesAsDataUris } from './digest-preview';
import { buildZoneDigest, stagesThisWeek } from './zone-digest-view';

const WEEK = parseIsoWeek('2026-W47')!;
const url = (id: string) => `https://ep.example.cn/tickets/${id}`;
const links = { ticket: url, confirm: (id: string) => `${url(id)}?action=confirm` };

function ticket(id: string, over: Partial<DigestTicket> = {}): DigestTicket {
  return {
    id, title: `工单${id}`, type: 'finance', status: 'routed', desk: 'finance', zoneName: '合肥经开区', assigneeName: null, providerName: null, proposedTo: null,
    filedAt: new Date('2026-11-10T01:00:00Z'), routedAt: null, matchedAt: null, completedAt: null, closedAt: null, updatedAt: new Date('2026-11-10T01:00:00Z'),
    deadline: null, desiredBy: null, slaBreachedAt: null, escalatedAt: null, question: null, askedAt: null, ...over,
  };
}

const none = <T>(): Capped<T> => ({ total: 0, items: [] });

function zoneData(over: Partial<ZoneDigestData> = {}): ZoneDigestData {
  return {
    zone: { id: 'z', name: '合肥经开区' }, flow: { filed: 0, routed: 0, matched: 0, completed: 0, closed: 0 },
    activity: none(), listsFiled: none(), listsCompleted: none(), needsInfo: none(), awaitingConfirmation: none(), overdue: none(), ...over,
  };
}

describe('the zone digest', () => {
  it.each([
    ['filed and routed this week', { filedAt: new Date('2026-11-16T02:00:00Z'), routedAt: new Date('2026-11-16T03:00:00Z') }, ['新提交', '已分派']],
    ['matched just before the week, completed on its last second', { matchedAt: new Date('2026-11-15T15:59:59Z'), completedAt: new Date('2026-11-22T15:59:59Z') }, ['已办结']],
    ['closed on the next Monday 00:00 Shanghai', { status: 'closed', closedAt: new Date('2026-11-22T16:00:00Z') }, []],
    ['rejected this week', { status: 'rejected', closedAt: new Date('2026-11-18T02:00:00Z') }, ['被驳回']],
  ])('names what happened this week: %s', (_name, over: Partial<DigestTicket>, stages: string[]) => {
    expect(stagesThisWeek(ticket('t', over), WEEK)).toEqual(stages);
  });

  it('lists what waits on the manager first and says how many were left out', () => {
    const needsInfo = { total: 12, items: [ticket('a', { status: 'needs_info', question: '请补充材料', askedAt: new Date('2026-11-18T02:00:00Z') })] };
    const awaitingConfirmation = { total: 1, items: [ticket('b', { status: 'completed', completedAt: new Date('2026-11-19T02:00:00Z') })] };
    const body = buildZoneDigest(zoneData({ needsInfo, awaitingConfirmation }), WEEK, links);
    expect(body.sections[0]).toMatchObject({
      heading: '待您补充信息（12）',
      tickets: [{ title: '工单a', url: 'https://ep.example.cn/tickets/a', meta: '金融进园区 · 待补充信息', detail: '问题：请补充材料 · 提出于 11月18日 10:00', alert: true }],
      empty: null,
      more: '另有 11 项未列出',
    });
    // A completion to confirm opens the console's confirmation form.
    expect(body.sections[1]).toMatchObject({ heading: '待您确认办结（1）', tickets: [{ title: '工单b', url: 'https://ep.example.cn/tickets/b?action=confirm' }] });
    expect(body.stats.find((s) => s.label === '待您处理')).toEqual({ label: '待您处理', value: '13', alert: true });
  });

  it('says so when a section is empty, and never flags a zero', () => {
    const body = buildZoneDigest(zoneData(), WEEK, links);
    expect(body.sections.every((s) => s.empty !== null && s.more === null)).toBe(true);
    expect(body.stats.every((s) => !s.alert)).toBe(true);
    expect(body.subject).toBe('进园区服务周报｜合肥经开区｜2026年第47周');
  });
});

describe('merging desks for a member of several', () => {
  function queue(desk: DeskQueue['desk'], arrived: Capped<DigestTicket>, openByStatus: Record<string, number>): DeskQueue {
    const buckets = Object.fromEntries(DESK_BUCKETS.map((b) => [b, none<DigestTicket>()])) as DeskQueue['buckets'];
    return { desk, openByStatus, buckets: { ...buckets, arrived } };
  }

  it('adds counts and keeps each bucket in its order, capped', () => {
    const at = (day: number) => new Date(Date.UTC(2026, 10, day, 2));
    const media = queue('media', { total: 5, items: [ticket('m1', { routedAt: at(20) }), ticket('m2', { routedAt: at(17) })] }, { routed: 2, in_service: 1 });
    const finance = queue('finance', { total: 1, items: [ticket('f1', { routedAt: at(18) })] }, { routed: 1 });
    const training = queue('training', { total: 9, items: [ticket('t1', { routedAt: at(21) })] }, { routed: 7 });
    const merged = mergeDeskQueues([media, finance, training], ['media', 'finance'], 2);
    expect(merged.openByStatus).toEqual({ routed: 3, in_service: 1 });
    expect(merged.buckets.arrived.total).toBe(6);
    expect(merged.buckets.arrived.items.map((t) => t.id)).toEqual(['m1', 'f1']); // latest arrivals first
  });
});

describe('the preview', () => {
  it('turns cid: images into data: URIs', () => {
    const html = '<img src="cid:chart@enterpark" alt="x"><p>cid:chart@enterpark</p>';
    expect(withInlineImagesAsDataUris(html, [{ cid: 'chart@enterpark', filename: 'c.png', contentBase64: 'AAAA' }])).toBe('<img src="data:image/png;base64,AAAA" alt="x"><p>cid:chart@enterpark</p>');
  });
});
