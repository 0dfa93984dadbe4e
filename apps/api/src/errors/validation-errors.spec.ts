import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { FileDemandListRequest } from '../demand-lists/demand-lists.dto';
import { CreateUserRequest } from '../users/users.dto';
import { CreateZoneRequest } from '../zones/zones.dto';
import { flattenValidationErrors } from './validation-errors';

/** What the API's ValidationPipe does, minus HTTP. */
function detailsOf(type: new () => object, body: Record<string, unknown>) {
  const errors = validateSync(plainToInstance(type, body), { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  return flattenValidationErrors(errors);
}

const user = (extra: Record<string, unknown>) => ({ email: 'new.user@enterpark.test', name: '新用户', password: 'New-Passw0rd!', role: 'viewer', ...extra });
const list = (extra: Record<string, unknown>) => ({ title: '需求清单', items: [{ type: 'finance', title: '园区贷' }], ...extra });
const zone = (extra: Record<string, unknown>) => ({ code: 'hf-01', name: '合肥经开区', level: 'national', city: '合肥市', ...extra });
const ALL_TYPES = 'media（媒体进园区）、finance（金融进园区）、training（培训进园区）、foreign_investment（外商进园区）、party_building（非公党建进园区）、precision_service（精准服务进园区）';

describe('validation messages: one per field, the first rule that failed, with its limit or allowed values', () => {
  it.each([
    ['a number as password: the type, not the lengths too', CreateUserRequest, user({ password: 12345 }), 'password', 'isString', 'password 必须是字符串'],
    ['a short password', CreateUserRequest, user({ password: 'short' }), 'password', 'minLength', 'password 至少需要 10 个字符'],
    ['an over-long password', CreateUserRequest, user({ password: 'x'.repeat(129) }), 'password', 'maxLength', 'password 不能超过 128 个字符'],
    ['an unknown role', CreateUserRequest, user({ role: 'admin' }), 'role', 'isIn', 'role 必须是以下取值之一：zone_manager（园区管理员）、desk_staff（窗口人员）、coordinator（协调员）、viewer（领导）'],
    ['an unknown desk', CreateUserRequest, user({ role: 'desk_staff', desks: ['tourism'] }), 'desks', 'isIn', `desks 的每个元素必须是以下取值之一：${ALL_TYPES}`],
    ['a number as name (composite decorator)', CreateUserRequest, user({ name: 42 }), 'name', 'isString', 'name 必须是字符串'],
    ['an empty name', CreateUserRequest, user({ name: '' }), 'name', 'minLength', 'name 不能为空'],
    ['a blank name', CreateUserRequest, user({ name: '   ' }), 'name', 'isNotBlank', 'name 不能为空白'],
    ['an over-long name with a NUL: the length, declared first', CreateUserRequest, user({ name: `${'名'.repeat(101)}\u0000` }), 'name', 'maxLength', 'name 不能超过 100 个字符'],
    ['an unknown item type', FileDemandListRequest, list({ items: [{ type: 'tourism', title: '旅游' }] }), 'items.0.type', 'isIn', `items.0.type 必须是以下取值之一：${ALL_TYPES}`],
    ['201 items', FileDemandListRequest, list({ items: Array.from({ length: 201 }, () => ({ type: 'media', title: '宣传' })) }), 'items', 'arrayMaxSize', 'items 最多只能有 200 个元素'],
    ['no items', FileDemandListRequest, list({ items: [] }), 'items', 'arrayMinSize', 'items 至少需要 1 个元素'],
    ['missing items: required, not also "not an array"', FileDemandListRequest, { title: '需求清单' }, 'items', 'isDefined', 'items 为必填项'],
    ['items not an array', FileDemandListRequest, list({ items: 'x' }), 'items', 'isArray', 'items 必须是数组'],
    ['an over-long tag', FileDemandListRequest, list({ items: [{ type: 'media', title: '宣传', tags: ['x'.repeat(31)] }] }), 'items.0.tags', 'maxLength', 'items.0.tags 的每个元素不能超过 30 个字符'],
    ['a desiredBy that is not a date', FileDemandListRequest, list({ items: [{ type: 'media', title: '宣传', desiredBy: '2026-W01' }] }), 'items.0.desiredBy', 'matches', 'items.0.desiredBy 必须是 YYYY-MM-DD 格式的日期'],
    ['an unknown field', FileDemandListRequest, list({ status: 'completed' }), 'status', 'notAllowed', '不允许的字段 status'],
    ['a zone code with a space', CreateZoneRequest, zone({ code: 'Bad Code' }), 'code', 'matches', 'code 只能包含英文字母、数字和连字符（-），以字母或数字开头，共 2–64 个字符（字母不区分大小写）'],
    ['an unknown zone level', CreateZoneRequest, zone({ level: 'galactic' }), 'level', 'isIn', 'level 必须是以下取值之一：national（国家级经开区）、provincial（省级开发区）、cultivating（培育期开发区）'],
  ])('%s', (_name, type, body, field, rule, message) => {
    expect(detailsOf(type, body)).toEqual([{ field, rule, message }]);
  });

  it('reports each failing field once, nested fields by their path', () => {
    const details = detailsOf(FileDemandListRequest, list({ title: 7, items: [{ type: 'tourism', title: 8 }] }));
    expect(details.map((d) => [d.field, d.rule])).toEqual([['title', 'isString'], ['items.0.type', 'isIn'], ['items.0.title', 'isString']]);
  });

  it('accepts an upper-case zone code (stored lower case by the use case)', () => {
    expect(detailsOf(CreateZoneRequest, zone({ code: 'HF-01' }))).toEqual([]);
  });
});
