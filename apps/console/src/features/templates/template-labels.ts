import type { ExperienceTemplate } from '../../api/types';

export const TEMPLATE_STATUS_LABELS: Record<ExperienceTemplate['status'], string> = { draft: '草稿', published: '已发布' };
export const TEMPLATE_STATUS_COLORS: Record<ExperienceTemplate['status'], string> = { draft: 'default', published: 'green' };

export const averageText = (t: ExperienceTemplate) => (t.averageRating === null ? '—' : `${t.averageRating.toFixed(1)} 分`);
