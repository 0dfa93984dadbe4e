import { fileDemandList, requestHash } from './demand-list';

const zoneId = '00000000-0000-4000-8000-00000000000a';
const filedBy = '00000000-0000-4000-8000-00000000000b';
const now = new Date('2026-11-21T02:00:00Z');
const draft = { title: '第四季度需求清单', period: '2026-Q4', items: [{ type: 'media' as const, title: '宣传' }, { type: 'finance' as const, title: '园区贷' }] };

describe('fileDemandList', () => {
  it('makes one submitted ticket per item, numbered in order, and one event per ticket plus the list event', () => {
    const filed = fileDemandList(zoneId, filedBy, draft, null, now);
    expect(filed.tickets.map((t) => [t.seq, t.type, t.status, t.zoneId, t.demandListId])).toEqual([
      [1, 'media', 'submitted', zoneId, filed.list.id],
      [2, 'finance', 'submitted', zoneId, filed.list.id],
    ]);
    expect(filed.events.map((e) => e.name)).toEqual(['demand_list.filed', 'ticket.submitted', 'ticket.submitted']);
    expect(filed.events[0].payload).toEqual({ demandListId: filed.list.id, zoneId, ticketIds: filed.tickets.map((t) => t.id) });
    expect(filed.list).toMatchObject({ status: 'open', itemCount: 2, idempotencyKey: null, requestHash: null });
  });

  it('fingerprints the request only when a key is given', () => {
    expect(fileDemandList(zoneId, filedBy, draft, 'k', now).list.requestHash).toBe(requestHash(zoneId, draft));
  });
});

describe('requestHash', () => {
  it.each([
    ['another title', { ...draft, title: '别的清单' }],
    ['another item order', { ...draft, items: [...draft.items].reverse() }],
    ['another item type', { ...draft, items: [{ type: 'training' as const, title: '宣传' }, draft.items[1]] }],
    ['a description added', { ...draft, items: [{ ...draft.items[0], description: '说明' }, draft.items[1]] }],
    ['a contact added', { ...draft, items: [{ ...draft.items[0], contactName: '张伟' }, draft.items[1]] }],
    ['another contact phone', { ...draft, items: [{ ...draft.items[0], contactPhone: '13900000001' }, draft.items[1]] }],
  ])('differs for %s', (_, other) => {
    expect(requestHash(zoneId, other)).not.toBe(requestHash(zoneId, draft));
  });

  it('keeps the fingerprint of a request without contacts as it was before contacts existed', () => {
    expect(requestHash(zoneId, draft)).toBe('fcebf10dd6f717d3ded131cad7525354c21c76a8e75f66144db4bdbb89b7838b');
  });

  it('is the same for the same request and differs for another zone', () => {
    expect(requestHash(zoneId, structuredClone(draft))).toBe(requestHash(zoneId, draft));
    expect(requestHash('00000000-0000-4000-8000-00000000000c', draft)).not.toBe(requestHash(zoneId, draft));
  });
});
