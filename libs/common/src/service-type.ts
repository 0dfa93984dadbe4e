/** The six "enter-the-park" actions (六大"进园区"行动); a ticket's type is also its desk. */
export const SERVICE_TYPES = [
  'media',
  'finance',
  'training',
  'foreign_investment',
  'party_building',
  'precision_service',
] as const;

export type ServiceType = (typeof SERVICE_TYPES)[number];

export const SERVICE_TYPE_LABELS: Record<ServiceType, string> = {
  media: '媒体进园区',
  finance: '金融进园区',
  training: '培训进园区',
  foreign_investment: '外商进园区',
  party_building: '非公党建进园区',
  precision_service: '精准服务进园区',
};

export function isServiceType(value: unknown): value is ServiceType {
  return typeof value === 'string' && (SERVICE_TYPES as readonly string[]).includes(value);
}

/** Each action's colour in charts (digests, bulletins). */
export const SERVICE_TYPE_COLORS: Record<ServiceType, string> = {
  media: '#E4572E',
  finance: '#2E86AB',
  training: '#F2A541',
  foreign_investment: '#3BA55C',
  party_building: '#C0392B',
  precision_service: '#7E57C2',
};
