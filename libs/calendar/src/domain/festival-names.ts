import { getLunarDate } from 'chinese-days';

/**
 * Names the days of a notice section. A section names one holiday (二、春节) or, when two
 * fall together, several (六、国庆节、中秋节). For those the days are named as chinese-days
 * names the official calendar: the section's main holiday (the one with more statutory days,
 * 国庆节) for the period and its make-up workdays, the other holiday for its own date (中秋节 on
 * the 15th of the 8th lunar month), unless that is also the main holiday's own date (2020: 10月1日).
 */

interface Festival {
  /** The name in the notices; chinese-days shortens some (清明, 端午, 中秋). */
  name: string;
  /** Paid days off by the 全国年节及纪念日放假办法 (2025 revision): ranks a combined section's holidays. */
  statutoryDays: number;
  /** The holiday's own date; false when it has no fixed one we can compute (清明节 is a solar term). */
  isOwnDate(day: string): boolean;
}

const solar = (monthDay: string) => (day: string) => day.slice(5) === monthDay;
const lunar = (month: number, date: number) => (day: string) => {
  // getLunarDate reads a YYYY-MM-DD string the same in every time zone (unlike getSolarDateFromLunar).
  const l = getLunarDate(day);
  return !l.isLeap && l.lunarMon === month && l.lunarDay === date;
};

const FESTIVALS: readonly Festival[] = [
  { name: '元旦', statutoryDays: 1, isOwnDate: solar('01-01') },
  { name: '春节', statutoryDays: 4, isOwnDate: lunar(1, 1) },
  { name: '清明节', statutoryDays: 1, isOwnDate: () => false },
  { name: '劳动节', statutoryDays: 2, isOwnDate: solar('05-01') },
  { name: '端午节', statutoryDays: 1, isOwnDate: lunar(5, 5) },
  { name: '中秋节', statutoryDays: 1, isOwnDate: lunar(8, 15) },
  { name: '国庆节', statutoryDays: 3, isOwnDate: solar('10-01') },
];

const UNKNOWN: Omit<Festival, 'name'> = { statutoryDays: 0, isOwnDate: () => false };

/** 中秋 and 中秋节 are one holiday. */
function festivalNamed(name: string): Festival {
  const known = FESTIVALS.find((f) => f.name === name || f.name === `${name}节`);
  return { ...(known ?? UNKNOWN), name };
}

export interface SectionNames {
  /** The section's name for its make-up workdays and for holiday days without one of their own. */
  main: string;
  /** The name of one of the section's holiday days. */
  holiday(day: string): string;
}

/** `names` as the section heading writes them, in its order (at least one). */
export function sectionNames(names: readonly string[]): SectionNames {
  const festivals = names.map(festivalNamed);
  const main = festivals.reduce((best, f) => (f.statutoryDays > best.statutoryDays ? f : best));
  const others = festivals.filter((f) => f !== main);
  return {
    main: main.name,
    holiday: (day) => (main.isOwnDate(day) ? main : (others.find((f) => f.isOwnDate(day)) ?? main)).name,
  };
}
