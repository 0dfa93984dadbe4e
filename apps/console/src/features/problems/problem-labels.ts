import type { Problem } from '../../api/types';

export const PROBLEM_STATUS_LABELS: Record<Problem['status'], string> = { open: '办理中', resolved: '已办结' };
export const PROBLEM_STATUS_COLORS: Record<Problem['status'], string> = { open: 'orange', resolved: 'green' };
