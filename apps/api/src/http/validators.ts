import { applyDecorators } from '@nestjs/common';
import { isISO8601, IsString, MaxLength, MinLength, ValidateBy, ValidateIf, ValidationOptions } from 'class-validator';
import { endOfShanghaiDay, parseIsoWeek } from '@enterpark/common';

const NUL = '\u0000';

/** PostgreSQL text cannot hold U+0000: refuse it here (400) rather than in the database (500). */
export function NoNulCharacter(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'noNulCharacter',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !value.includes(NUL),
        defaultMessage: () => '$property 不能包含空字符 (U+0000)',
      },
    },
    options,
  );
}

/** Not only whitespace: use cases trim names, and the database refuses an empty one. */
export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotBlank',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || value.trim().length > 0,
        defaultMessage: () => '$property 不能为空白',
      },
    },
    options,
  );
}

/**
 * At most `max` characters as PostgreSQL's length() counts them (code points). class-validator's
 * maxLength does not count variation selectors, so on its own it lets through text that a
 * length CHECK in the database refuses.
 */
export function MaxCodePoints(max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'maxLength',
      constraints: [max],
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || [...value].length <= max,
        defaultMessage: () => `$property 不能超过 ${max} 个字符`,
      },
    },
    options,
  );
}

/**
 * May be left out, but not sent as null: unlike @IsOptional(), null is validated (and refused
 * by the type checks that follow), for fields whose column is NOT NULL.
 */
export function IsOmittable(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined, options);
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day as YYYY-MM-DD between 2000 and 2100 (2026-02-30 is refused here, not by PostgreSQL). */
export function IsCalendarDay(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDay',
      validator: {
        validate: (value: unknown) => {
          const m = typeof value === 'string' ? DAY.exec(value) : null;
          if (!m) return false;
          const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
          const date = new Date(Date.UTC(y, mo - 1, d));
          return y >= 2000 && y <= 2100 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
        },
        defaultMessage: () => '$property 必须是 YYYY-MM-DD 格式的有效日期',
      },
    },
    options,
  );
}

export const DEADLINE_RULE = '必须是 YYYY-MM-DD 日期（截至当天 24:00 北京时间）或带时区的 ISO-8601 时间（例如 2026-12-31T18:00:00+08:00）';
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const TIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A deadline: a date alone (it ends at 24:00 Asia/Shanghai, see `deadlineOf`), or a time with its
 * offset. A time without one would be read in the server's time zone, which nobody typing it means.
 */
export function IsDeadline(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDeadline',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && isISO8601(value, { strict: true, strictSeparator: true }) && (DATE_ONLY.test(value) || TIME_WITH_OFFSET.test(value)),
        defaultMessage: () => `$property ${DEADLINE_RULE}`,
      },
    },
    options,
  );
}

/** The instant a deadline accepted by IsDeadline ends. */
export function deadlineOf(value: string): Date {
  return DATE_ONLY.test(value) ? endOfShanghaiDay(value) : new Date(value);
}

/** An ISO 8601 week such as 2026-W47 that exists (2025-W53 does not). */
export function IsIsoWeek(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoWeek',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseIsoWeek(value) !== null,
        defaultMessage: () => '$property 必须是有效的 ISO 周，格式为 YYYY-Www（例如 2026-W47）',
      },
    },
    options,
  );
}

/**
 * Free text a person types (a name, a reason, an answer): 1–`max` characters, not blank, no NUL.
 * Applied last to first, as stacked decorators are, so that validation errors report the first
 * rule in this order (see errors/validation-errors.ts).
 */
export function IsBoundedText(max: number): PropertyDecorator {
  return applyDecorators(...[IsString(), MinLength(1), MaxLength(max), MaxCodePoints(max), IsNotBlank(), NoNulCharacter()].reverse());
}
