import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A year a coordinator published: it is known even where the package has no data. */
@Entity('calendar_year')
export class CalendarYearEntity {
  @PrimaryColumn('int')
  year: number;

  @Column('uuid', { nullable: true })
  publishedBy: string | null;

  @Column('timestamptz')
  publishedAt: Date;
}
