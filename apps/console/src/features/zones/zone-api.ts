import { api, unwrap } from '../../api/client';
import { readAllPages } from '../../api/pages';
import type { components } from '../../api/schema';
import type { Zone } from '../../api/types';

export type ZoneLevel = Zone['level'];
export type CreateZone = components['schemas']['CreateZoneRequest'];

export const ZONE_LEVEL_LABELS: Record<ZoneLevel, string> = { national: '国家级', provincial: '省级', cultivating: '培育期' };
export const ZONE_LEVEL_OPTIONS = (Object.keys(ZONE_LEVEL_LABELS) as ZoneLevel[]).map((l) => ({ value: l, label: ZONE_LEVEL_LABELS[l] }));

/** A province has some dozens of zones: every page, for pickers and for naming zones by id. */
export async function loadAllZones(signal: AbortSignal): Promise<Zone[]> {
  return (await readAllPages((cursor) => unwrap(api.GET('/api/v1/zones', { params: { query: { limit: 200, cursor } }, signal })))).items;
}

export function zoneNames(zones: readonly Zone[] | undefined): Map<string, string> {
  return new Map((zones ?? []).map((z) => [z.id, z.name]));
}
