import type { ErrorBody, ErrorDetail } from './types';

/** A refused or failed call, carrying the API's own Chinese message and field details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Partial<ErrorBody> | null,
  ) {
    super(body?.message ?? fallbackMessage(status));
  }

  get code(): string | undefined {
    return this.body?.code;
  }

  get details(): ErrorDetail[] {
    return this.body?.details ?? [];
  }

  /** A code-specific extra of the body, e.g. `status` and `allowedActions` of TICKET_INVALID_TRANSITION. */
  extra(key: string): unknown {
    return (this.body as Record<string, unknown> | null)?.[key];
  }
}

function fallbackMessage(status: number): string {
  if (status === 0) return '无法连接服务器，请检查网络后重试';
  if (status >= 500) return `服务器出错（${status}），请稍后重试`;
  return `请求失败（${status}）`;
}

/** The message to show for anything a call threw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return error instanceof Error && error.message ? error.message : '发生未知错误';
}

/** A refusal's field details as antd's `form.setFields` takes them, each message on the field the API names. */
export function fieldErrors(error: unknown): { name: never; errors: string[] }[] {
  const details = error instanceof ApiError ? error.details : [];
  return details.map((d) => ({ name: fieldPath(d.field) as never, errors: [d.message] }));
}

/** `items.0.title` → ['items', 0, 'title'], the name path antd forms use. */
export function fieldPath(field: string): (string | number)[] {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
