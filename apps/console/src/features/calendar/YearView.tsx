import { Col, Flex, Row, Tooltip, Typography } from 'antd';
import type { CalendarYear } from '../../api/types';
import { weekdayOf } from '../../format/time';
import './calendar.css';

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

interface Special {
  kind: 'holiday' | 'workday';
  name: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The year's twelve months, holidays (休) and make-up working days (班) marked and named. */
export function YearView({ calendar }: { calendar: CalendarYear }) {
  const specials = new Map<string, Special>([
    ...calendar.holidays.map((d): [string, Special] => [d.day, { kind: 'holiday', name: d.name }]),
    ...calendar.workdays.map((d): [string, Special] => [d.day, { kind: 'workday', name: d.name }]),
  ]);
  return (
    <>
      <Flex gap={16} wrap style={{ marginBottom: 12 }} aria-label="图例">
        <span>
          <span className="cal-legend cal-holiday">休</span> 法定节假日（工作日放假）
        </span>
        <span>
          <span className="cal-legend cal-workday">班</span> 调休上班（周末上班）
        </span>
        <span>
          <span className="cal-legend cal-weekend">六</span> 周末
        </span>
      </Flex>
      <Row gutter={[16, 16]}>
        {Array.from({ length: 12 }, (_, i) => (
          <Col key={i} xs={24} sm={12} lg={8} xl={6}>
            <MonthGrid year={calendar.year} month={i + 1} specials={specials} />
          </Col>
        ))}
      </Row>
    </>
  );
}

function MonthGrid({ year, month, specials }: { year: number; month: number; specials: Map<string, Special> }) {
  const first = `${year}-${pad(month)}-01`;
  const lead = (weekdayOf(first) + 6) % 7; // Monday first
  const days = Array.from({ length: daysIn(year, month) }, (_, i) => `${year}-${pad(month)}-${pad(i + 1)}`);
  return (
    <section className="cal-month" aria-label={`${month}月`}>
      <Typography.Title level={3} style={{ fontSize: 15, margin: '0 0 6px' }}>
        {month}月
      </Typography.Title>
      <div className="cal-grid">
        {WEEKDAYS.map((w) => (
          <span key={w} className="cal-head">
            {w}
          </span>
        ))}
        {Array.from({ length: lead }, (_, i) => (
          <span key={`lead-${i}`} />
        ))}
        {days.map((day) => (
          <DayCell key={day} day={day} special={specials.get(day)} />
        ))}
      </div>
    </section>
  );
}

function DayCell({ day, special }: { day: string; special?: Special }) {
  const weekend = weekdayOf(day) % 6 === 0;
  const number = Number(day.slice(8));
  if (!special) return <span className={weekend ? 'cal-day cal-weekend' : 'cal-day'}>{number}</span>;
  const what = special.kind === 'holiday' ? `${special.name}放假` : `${special.name}调休上班`;
  return (
    <Tooltip title={`${day} ${what}`}>
      <span className={`cal-day cal-${special.kind}`} aria-label={`${day} ${what}`} title={`${day} ${what}`}>
        {number}
      </span>
    </Tooltip>
  );
}
