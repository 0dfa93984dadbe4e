import { SERVICE_TYPE_LABELS, SERVICE_TYPES, ServiceType } from '@enterpark/common';

/**
 * The names zones write for the six actions, reduced to their core word: 金融进园区, 金融进园区行动,
 * 「金融」进园区, 金融服务, 金融类 and 金融 all mean `finance`. Each core is listed once, so no
 * name can mean two types.
 */
const CORE_NAMES: Record<ServiceType, readonly string[]> = {
  media: ['媒体', '宣传', '媒体宣传'],
  finance: ['金融', '融资'],
  training: ['培训'],
  foreign_investment: ['外商', '外资', '外商投资', '招商引资'],
  party_building: ['非公党建', '党建', '非公企业党建'],
  precision_service: ['精准服务', '精准', '专家问诊'],
};

const BY_CORE = new Map<string, ServiceType>(SERVICE_TYPES.flatMap((type) => CORE_NAMES[type].map((name) => [name, type] as const)));

/** Words around the core: quotes, "enter the park", "action", "service", "class", "demand". */
const DECORATION = /["'“”‘’「」『』《》【】]/g;
const SUFFIXES = ['进园区行动', '进园区', '行动', '服务', '类', '需求', '方面'];

function stripSuffixes(name: string): string[] {
  const forms = [name];
  let current = name;
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of SUFFIXES) {
      if (current.length > suffix.length && current.endsWith(suffix)) {
        current = current.slice(0, -suffix.length);
        forms.push(current);
        changed = true;
      }
    }
  }
  return forms;
}

/** The service type a person meant by `text` (Chinese name in any usual form, or the English key); null if none. */
export function serviceTypeFromName(text: string): ServiceType | null {
  const name = text.normalize('NFKC').replace(/\s+/g, '').replace(DECORATION, '');
  const key = name.toLowerCase();
  if ((SERVICE_TYPES as readonly string[]).includes(key)) return key as ServiceType;
  for (const form of stripSuffixes(name)) {
    const type = BY_CORE.get(form);
    if (type) return type;
  }
  return null;
}

/** "媒体进园区、金融进园区、…": what a refusal lists as accepted. */
export function serviceTypeNames(): string {
  return SERVICE_TYPES.map((t) => SERVICE_TYPE_LABELS[t]).join('、');
}
