export const ZONE_LEVELS = ['national', 'provincial', 'cultivating'] as const;
export type ZoneLevel = (typeof ZONE_LEVELS)[number];

export const ZONE_LEVEL_LABELS: Record<ZoneLevel, string> = {
  national: '国家级经开区',
  provincial: '省级开发区',
  cultivating: '培育期开发区',
};

export interface Zone {
  id: string;
  code: string;
  name: string;
  level: ZoneLevel;
  city: string;
  province: string;
  createdAt: Date;
}
