import { Pool } from 'pg';
import { SERVICE_TYPES } from '@enterpark/common';
import { QuerySeries } from './measure';

export type Role = 'coordinator' | 'desk clerk' | 'zone manager';
export const ROLES: readonly Role[] = ['coordinator', 'desk clerk', 'zone manager'];

/** Words of 2, 3 and 4 characters the generated demands use (commoner and rarer ones), and one they never use. */
export const SEARCH_WORDS = {
  'q 2 chars': ['融资', '培训', '视频', '专家', '招商'],
  'q 3 chars': ['宣传片', '零部件', '短视频', '园区贷', '新媒体'],
  'q 4 chars': ['流动资金', '产业基金', '技能培训', '数字化转型', '信用贷款'].filter((w) => w.length === 4),
  'q in no ticket': ['区块链', '量子计算'],
} as const;

/** Statuses a console filters by: from the few just routed to the many closed. */
const STATUSES = ['routed', 'needs_info', 'matching', 'in_service', 'completed', 'closed'];

export interface RoleWorld {
  role: Role;
  userId: string;
  zoneId: string | null;
  desks: string[];
}

const sample = async (db: Pool, sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows.map((r) => Object.values(r)[0] as string);
const cycle = (n: number, make: (i: number) => string) => Array.from({ length: n }, (_, i) => make(i));

/**
 * Every filter the console uses, as `role` would send it: zones, assignees and types the
 * role actually reaches (a clerk filters by their desks' types and colleagues, a zone manager by
 * their own zone and the staff serving it), each series rotating over several values.
 */
export async function seriesFor(db: Pool, who: RoleWorld, deepPages: number): Promise<QuerySeries[]> {
  const base = '/api/v1/tickets';
  const types = who.role === 'desk clerk' ? who.desks : [...SERVICE_TYPES];
  const zones =
    who.role === 'zone manager' ? [who.zoneId!] : await sample(db, `SELECT id FROM zone ORDER BY md5(id::text) LIMIT 50`);
  const assignees =
    who.role === 'desk clerk'
      ? [who.userId, ...(await sample(db, `SELECT DISTINCT user_id FROM desk_member WHERE desk = ANY ($1) AND user_id <> $2 ORDER BY user_id LIMIT 49`, [who.desks, who.userId]))]
      : who.role === 'zone manager'
        ? await sample(db, `SELECT DISTINCT assignee_id FROM ticket WHERE zone_id = $1 AND assignee_id IS NOT NULL LIMIT 50`, [who.zoneId])
        : await sample(db, `SELECT user_id FROM desk_member ORDER BY md5(user_id::text) LIMIT 50`);
  const one = (name: string, paths: string[]): QuerySeries => ({ name, paths, pages: 1 });
  return [
    // The same run's floor: an authenticated request with one lookup by key, what the machine's load does to any request.
    one('baseline: GET /me', ['/api/v1/me']),
    one('none', [base]),
    one('status', STATUSES.map((s) => `${base}?status=${s}`)),
    one('type+status', cycle(types.length * STATUSES.length, (i) => `${base}?type=${types[i % types.length]}&status=${STATUSES[Math.floor(i / types.length)]}`)),
    one('zone', zones.map((z) => `${base}?zoneId=${z}`)),
    one('assignee', assignees.map((a) => `${base}?assigneeId=${a}`)),
    one('overdue', [`${base}?overdue=true`]),
    ...Object.entries(SEARCH_WORDS).map(([name, words]) => one(name, words.map((w) => `${base}?q=${encodeURIComponent(w)}`))),
    { name: `${deepPages} pages deep`, paths: [base], pages: deepPages },
  ];
}
