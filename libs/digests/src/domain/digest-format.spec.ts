import { parseIsoWeek } from '@enterpark/common';
import { shanghaiDay } from '@enterpark/common';
import { dateTime, desksLabel, percent, weekLabel, workingDays } from './digest-format';

describe('digest formatting (Asia/Shanghai)', () => {
  it.each([
    ['2026-W47', '2026年第47周（11月16日—11月22日）'],
    ['2026-W01', '2026年第1周（12月29日—1月4日）'],
    ['2026-W53', '2026年第53周（12月28日—1月3日）'],
  ])('labels %s', (id, label) => {
    expect(weekLabel(parseIsoWeek(id)!)).toBe(label);
  });

  it('shows instants in Shanghai time', () => {
    expect(dateTime(new Date('2026-11-22T16:30:00Z'))).toBe('11月23日 00:30');
    expect(shanghaiDay(new Date('2026-11-22T16:00:00Z'))).toBe('2026-11-23');
  });

  it('names desks and rounds figures', () => {
    expect(desksLabel(['finance'])).toBe('金融进园区服务台');
    expect(desksLabel(['media', 'party_building'])).toBe('媒体、非公党建进园区服务台');
    expect(percent(2 / 7)).toBe('28.6%');
    expect(percent(null)).toBe('—');
    expect(workingDays(1.478)).toBe('1.5 个工作日');
  });
});
