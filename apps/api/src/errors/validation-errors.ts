import { BadRequestException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, ValidationError, ValidatorOptions } from 'class-validator';
import { ErrorDetail, ROLE_LABELS, SERVICE_TYPE_LABELS } from '@enterpark/common';
import { ZONE_LEVEL_LABELS } from '@enterpark/demand';
import { DEADLINE_RULE } from '../http/validators';

/** A failed rule as its decorator declared it: its limits or allowed values, whether it checks each element. */
interface FailedRule {
  name: string;
  constraints: unknown[];
  each: boolean;
  message?: string;
}

/** Chinese names of enumerated values, shown beside them when a field lists what it allows. */
const VALUE_LABELS: Record<string, string>[] = [SERVICE_TYPE_LABELS, ZONE_LEVEL_LABELS, ROLE_LABELS];

export function allowedValues(values: unknown): string {
  const list = (Array.isArray(values) ? values : Object.values(values ?? {})).map(String);
  const labels = VALUE_LABELS.find((table) => list.every((v) => v in table));
  return list.map((v) => (labels ? `${v}（${labels[v]}）` : v)).join('、');
}

/**
 * Wording per rule. `s` is the subject: "<field> " (the space that sets a field name apart in
 * Chinese text), or "<field> 的每个元素" for a rule that checks each element of an array.
 */
const RULE_MESSAGES: Record<string, (s: string, c: unknown[]) => string> = {
  whitelistValidation: (s) => `不允许的字段 ${s.trim()}`,
  isDefined: (s) => `${s}为必填项`,
  isNotEmpty: (s) => `${s}不能为空`,
  isString: (s) => `${s}必须是字符串`,
  isEnum: (s, c) => `${s}必须是以下取值之一：${allowedValues(c[1] ?? c[0])}`,
  isIn: (s, c) => `${s}必须是以下取值之一：${allowedValues(c[0])}`,
  isEmail: (s) => `${s}必须是有效的邮箱地址`,
  isUuid: (s) => `${s}必须是 UUID`,
  isInt: (s) => `${s}必须是整数`,
  isBoolean: (s) => `${s}必须是布尔值（true 或 false）`,
  isArray: (s) => `${s}必须是数组`,
  isISO8601: (s) => `${s}必须是 ISO-8601 格式的日期或时间`,
  arrayMinSize: (s, [n]) => `${s}至少需要 ${n} 个元素`,
  arrayMaxSize: (s, [n]) => `${s}最多只能有 ${n} 个元素`,
  maxLength: (s, [n]) => `${s}不能超过 ${n} 个字符`,
  minLength: (s, [n]) => (n === 1 ? `${s}不能为空` : `${s}至少需要 ${n} 个字符`),
  max: (s, [n]) => `${s}不能大于 ${n}`,
  min: (s, [n]) => `${s}不能小于 ${n}`,
  matches: (s, [pattern]) => `${s}的格式无效，须符合 ${String(pattern)}`,
  nestedValidation: (s) => `${s}必须是对象`,
  noNulCharacter: (s) => `${s}不能包含空字符 (U+0000)`,
  isNotBlank: (s) => `${s}不能为空白`,
  isCursor: (s) => `${s}无效，请使用上一页返回的 nextCursor`,
  isCalendarDay: (s) => `${s}必须是 YYYY-MM-DD 格式的有效日期`,
  isDeadline: (s) => `${s}${DEADLINE_RULE}`,
  isIsoWeek: (s) => `${s}必须是有效的 ISO 周，格式为 YYYY-Www（例如 2026-W47）`,
};

/** Presence, then the value's type: a field of the wrong type is told that, not its length. */
const PRESENCE = new Set(['whitelistValidation', 'isDefined']);
const TYPE_CHECKS = new Set(['nestedValidation', 'isArray', 'isString', 'isInt', 'isBoolean', 'isNumber', 'isObject']);

/**
 * The property's rules in the order its decorators are written. Decorators run bottom-up, so
 * class-validator registers the last one written first; composite decorators (IsBoundedText)
 * register theirs the same way.
 */
function declaredRules(target: unknown, property: string): FailedRule[] {
  if (typeof target !== 'object' || target === null) return [];
  return getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .filter((m) => m.propertyName === property)
    .reverse()
    .map((m) => ({
      name: m.name ?? m.type,
      constraints: m.constraints ?? [],
      each: m.each ?? false,
      // A message given on the decorator (ValidateNested always fills in an English one of its own).
      message: typeof m.message === 'string' && m.type !== 'nestedValidation' ? m.message : undefined,
    }));
}

/** The one rule to report for a field: the first that failed, presence and type checks before the rest. */
function firstFailedRule(error: ValidationError): FailedRule | null {
  const failed = Object.keys(error.constraints ?? {});
  if (failed.length === 0) return null;
  const declared = declaredRules(error.target, error.property);
  const rank = (name: string) => {
    const position = declared.findIndex((r) => r.name === name);
    const group = PRESENCE.has(name) ? 0 : TYPE_CHECKS.has(name) ? 1 : 2;
    return group * 10_000 + (position >= 0 ? position : 1_000 + failed.length - failed.indexOf(name));
  };
  const name = [...failed].sort((a, b) => rank(a) - rank(b))[0];
  return declared.find((r) => r.name === name) ?? { name, constraints: [], each: false };
}

function detailOf(error: ValidationError, field: string): ErrorDetail | null {
  const rule = firstFailedRule(error);
  if (!rule) return null;
  const subject = rule.each ? `${field} 的每个元素` : `${field} `;
  const message = rule.message?.replace(/\$property ?/g, subject)
    ?? RULE_MESSAGES[rule.name]?.(subject, rule.constraints)
    ?? error.constraints![rule.name];
  return { field, rule: rule.name === 'whitelistValidation' ? 'notAllowed' : rule.name, message };
}

/** One detail per field (its first failed rule), nested fields named by their path (items.0.type). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = detailOf(error, field);
    return [...(own ? [own] : []), ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export class RequestValidationException extends BadRequestException {
  constructor(readonly details: ErrorDetail[]) {
    super('请求参数校验失败');
  }
}

export function validationExceptionFactory(errors: ValidationError[]): RequestValidationException {
  return new RequestValidationException(flattenValidationErrors(errors));
}

/** The rules of every request: unknown fields refused; the target lets messages read each rule's limits (never sent back). */
export const VALIDATION_OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: true, value: false },
};

/** Checks `input` against a request class as the global ValidationPipe would, for input that arrives another way (a form in a multipart upload, a workbook). */
export function validateAs<T extends object>(type: new () => T, input: unknown): { value: T; details: ErrorDetail[] } {
  const value = plainToInstance(type, input);
  return { value, details: flattenValidationErrors(validateSync(value, VALIDATION_OPTIONS)) };
}
