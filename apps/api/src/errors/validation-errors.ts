import { BadRequestException } from '@nestjs/common';
import { ValidationError } from 'class-validator';
import { ErrorDetail } from '@enterpark/common';

/** Chinese wording for the rules our DTOs use; anything else keeps class-validator's text. */
const RULE_MESSAGES: Record<string, (field: string) => string> = {
  whitelistValidation: (f) => `不允许的字段 ${f}`,
  isDefined: (f) => `${f} 为必填项`,
  isNotEmpty: (f) => `${f} 不能为空`,
  isString: (f) => `${f} 必须是字符串`,
  isEnum: (f) => `${f} 的取值无效`,
  isIn: (f) => `${f} 的取值无效`,
  isEmail: (f) => `${f} 必须是有效的邮箱地址`,
  isUuid: (f) => `${f} 必须是 UUID`,
  isInt: (f) => `${f} 必须是整数`,
  isBoolean: (f) => `${f} 必须是布尔值`,
  isArray: (f) => `${f} 必须是数组`,
  isISO8601: (f) => `${f} 必须是 ISO-8601 日期`,
  arrayMinSize: (f) => `${f} 的元素个数过少`,
  arrayMaxSize: (f) => `${f} 的元素个数超过上限`,
  maxLength: (f) => `${f} 超过最大长度`,
  minLength: (f) => `${f} 长度不足`,
  max: (f) => `${f} 超过最大值`,
  min: (f) => `${f} 小于最小值`,
  matches: (f) => `${f} 的格式无效`,
  nestedValidation: (f) => `${f} 必须是对象`,
  noNulCharacter: (f) => `${f} 不能包含空字符 (U+0000)`,
  isNotBlank: (f) => `${f} 不能为空白`,
  isCursor: (f) => `${f} 无效，请使用上一页返回的 nextCursor`,
};

export function flattenValidationErrors(errors: ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, text]) => ({
      field,
      rule: rule === 'whitelistValidation' ? 'notAllowed' : rule,
      message: RULE_MESSAGES[rule]?.(field) ?? text,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
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
