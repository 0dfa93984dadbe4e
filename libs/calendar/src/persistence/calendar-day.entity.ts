import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CalendarDayKind } from '../domain/calendar-day';

/** A day the database decides, over the package's data. */
@Entity('calendar_day')
export class CalendarDayEntity {
  /** YYYY-MM-DD: TypeORM hydrates a `date` column as a string, never through a time zone. */
  @PrimaryColumn('date')
  day: string;

  @Column('text')
  kind: CalendarDayKind;

  @Column('text')
  name: string;

  @Column('uuid', { nullable: true })
  updatedBy: string | null;

  @Column('timestamptz')
  updatedAt: Date;
}
