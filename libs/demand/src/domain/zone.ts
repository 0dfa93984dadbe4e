export const ZONE_LEVELS = ['national', 'provincial', 'cultivating'] as const;
export type ZoneLevel = (typeof ZONE_LEVELS)[number];

export const ZONE_LEVEL_LABELS: Record<ZoneLevel, string> = {
  national: '国家级经开区',
  provincial: '省级开发区',
  cultivating: '培育期开发区',
};

/**
 * A zone's code, as people type it: letters, digits and dashes. Codes are case-insensitive
 * (HF-01 and hf-01 are one code): they are stored lower case, and the database's unique index
 * turns a duplicate in another case into the same conflict.
 */
export const ZONE_CODE_PATTERN = /^[a-z0-9][a-z0-9-]{1,63}$/i;
export const ZONE_CODE_RULE = '只能包含英文字母、数字和连字符（-），以字母或数字开头，共 2–64 个字符（字母不区分大小写）';

export function normalizeZoneCode(code: string): string {
  return code.toLowerCase();
}

export interface Zone {
  id: string;
  code: string;
  name: string;
  level: ZoneLevel;
  city: string;
  province: string;
  createdAt: Date;
}
