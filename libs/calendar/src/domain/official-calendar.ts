import { CalendarDay, CalendarDayKind } from './calendar-day';
import { yearOf } from './shanghai-day';

/** The State Council's calendar as the chinese-days package ships it. */
export interface OfficialCalendar {
  /** Years the package has data for: only these are known without a published year. */
  years: ReadonlySet<number>;
  /** Its holidays (weekends inside a holiday period included) and adjusted working days. */
  days: ReadonlyMap<string, CalendarDay>;
}

/** chinese-days names a day "English,中文,length", e.g. "Spring Festival,春节,4". */
type PackageDays = Record<string, string>;
interface PackageData {
  holidays: PackageDays;
  workdays: PackageDays;
}

let loaded: OfficialCalendar | undefined;

/** The package's calendar, read once per process. */
export function officialCalendar(): OfficialCalendar {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- read lazily: the package's JSON is large and only some processes need it
  loaded ??= fromPackageData(require('chinese-days/dist/chinese-days.json') as PackageData);
  return loaded;
}

export function fromPackageData(data: PackageData): OfficialCalendar {
  const days = new Map<string, CalendarDay>();
  const add = (entries: PackageDays, kind: CalendarDayKind) => {
    for (const [day, label] of Object.entries(entries)) days.set(day, { day, kind, name: chineseName(label) });
  };
  add(data.holidays, 'holiday');
  add(data.workdays, 'workday');
  return { years: new Set([...days.keys()].map(yearOf)), days };
}

function chineseName(label: string): string {
  const parts = label.split(',');
  return (parts.length >= 2 ? parts[1] : label).trim() || label;
}

/** The package's calendar without `years`: they count as unpublished (CALENDAR_IGNORE_PACKAGE_YEARS). */
export function withoutYears(official: OfficialCalendar, years: readonly number[]): OfficialCalendar {
  if (!years.some((y) => official.years.has(y))) return official;
  const ignored = new Set(years);
  return {
    years: new Set([...official.years].filter((y) => !ignored.has(y))),
    days: new Map([...official.days].filter(([day]) => !ignored.has(yearOf(day)))),
  };
}
