import { DataSourceOptions } from 'typeorm';
import { Foundation1763769600000 } from './migrations/1763769600000-foundation';
import { Lifecycle1763856000000 } from './migrations/1763856000000-lifecycle';
import { MailAndDigests1763942400000 } from './migrations/1763942400000-mail-and-digests';
import { Webhooks1763942400001 } from './migrations/1763942400001-webhooks';
import { AssignmentMail1764028800100 } from './migrations/1764028800100-assignment-mail';
import { Dashboard1764028800200 } from './migrations/1764028800200-dashboard';
import { CalendarMissingMail1764806400000 } from './migrations/1764806400000-calendar-missing-mail';
import { SimilarTickets1764900000000 } from './migrations/1764900000000-similar-tickets';
import { TicketContact1764950000000 } from './migrations/1764950000000-ticket-contact';
import { SignInHardening1765152000000 } from './migrations/1765152000000-sign-in-hardening';
import { RankingsAndBulletins1765200000000 } from './migrations/1765200000000-rankings-and-bulletins';
import { ProblemsAndTemplates1765300000000 } from './migrations/1765300000000-problems-and-templates';
import { ListQueryIndexes1765400000000 } from './migrations/1765400000000-list-query-indexes';
import { TicketTermPostings1765500000000 } from './migrations/1765500000000-ticket-term-postings';
import { MailBodyLz41765600000000 } from './migrations/1765600000000-mail-body-lz4';
import { DropDuplicateListIndex1765700000000 } from './migrations/1765700000000-drop-duplicate-list-index';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** Reviewed migrations, in order. Never `synchronize`. */
export const MIGRATIONS = [Foundation1763769600000, Lifecycle1763856000000, MailAndDigests1763942400000, Webhooks1763942400001, AssignmentMail1764028800100, Dashboard1764028800200, CalendarMissingMail1764806400000, SimilarTickets1764900000000, TicketContact1764950000000, SignInHardening1765152000000, RankingsAndBulletins1765200000000, ProblemsAndTemplates1765300000000, ListQueryIndexes1765400000000, TicketTermPostings1765500000000, MailBodyLz41765600000000, DropDuplicateListIndex1765700000000];

export function dataSourceOptions(url: string, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    namingStrategy: new SnakeNamingStrategy(),
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    // A `where: { zoneId: undefined }` must fail loudly, never match every row.
    invalidWhereValuesBehavior: { null: 'throw', undefined: 'throw' },
    // A connection (new, or a free one of the pool) is waited for at most 10 s: a database host
    // that drops packets fails requests with a 503 instead of holding them for minutes.
    extra: { max: poolSize, application_name: 'enterpark', connectionTimeoutMillis: 10_000 },
    // A failed query reaches its caller as an error (a 23505 becomes a conflict, anything else a
    // logged 500 or a retried job). TypeORM's own console lines would repeat it outside the log
    // format, parameters included (a password hash on a duplicate e-mail).
    logging: false,
  };
}
