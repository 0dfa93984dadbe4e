import type { components } from '../../api/schema';

export type Provider = components['schemas']['ProviderResponse'];
export type CreateProvider = components['schemas']['CreateProviderRequest'];
export type UpdateProvider = components['schemas']['UpdateProviderRequest'];

/** What kind of organisation a provider is (a free text in the API; these are the usual ones). */
export const PROVIDER_KIND_LABELS: Record<string, string> = {
  media: '媒体',
  bank: '银行',
  fund: '基金',
  guarantor: '担保机构',
  university: '高校',
  trainer: '培训机构',
  expert: '专家',
  agency: '服务机构',
  chamber: '商会',
  instructor: '党建指导员',
};

export const PROVIDER_KIND_OPTIONS = Object.entries(PROVIDER_KIND_LABELS).map(([value, label]) => ({ value, label }));

export const kindLabel = (kind: string) => PROVIDER_KIND_LABELS[kind] ?? kind;

/** The fields of the provider form (the same for 新建 and 编辑). */
export type ProviderFormValues = CreateProvider & { active?: boolean };

/** Only what the form changed, for PATCH: the API keeps every field left out. */
export function changedFields(before: Provider, after: ProviderFormValues): Partial<UpdateProvider> {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined) continue;
    if (JSON.stringify(value) !== JSON.stringify((before as Record<string, unknown>)[key])) changes[key] = value;
  }
  return changes;
}
