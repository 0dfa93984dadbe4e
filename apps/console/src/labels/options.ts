import type { Role } from '../api/types';
import { ROLE_LABELS, SERVICE_TYPE_LABELS, SERVICE_TYPES } from './labels';

/** Select options for the six service types (desks), by their Chinese names. */
export const SERVICE_TYPE_OPTIONS = SERVICE_TYPES.map((t) => ({ value: t, label: SERVICE_TYPE_LABELS[t] }));

export const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as Role[]).map((r) => ({ value: r, label: ROLE_LABELS[r] }));
