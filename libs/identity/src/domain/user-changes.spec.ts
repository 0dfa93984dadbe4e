import { InvalidInputError, ServiceType } from '@enterpark/common';
import { User } from './user';
import { changeUser, UserChanges } from './user-changes';

const ZONE_A = '0b0e6c1e-9d43-4d5e-8f5f-2d0c7a6b1f00';
const ZONE_B = '1c1f7d2f-0e54-4e6f-9a6a-3e1d8b7c2a11';
const COORDINATOR = '2d2a8e3a-1f65-4f7a-8b7b-4f2e9c8d3b22';

const user = (over: Partial<User>): User => ({
  id: '3e3b9f4b-2a76-4a8b-9c8c-5a3fad9e4c33',
  email: 'u@enterpark.test',
  name: '张明',
  role: 'viewer',
  zoneId: null,
  desks: [],
  active: true,
  tokenVersion: 4,
  createdAt: new Date('2026-11-23T02:00:00Z'),
  ...over,
});
const desk = (desks: ServiceType[]) => user({ role: 'desk_staff', desks });
const manager = (zoneId: string) => user({ role: 'zone_manager', zoneId });

describe('changeUser', () => {
  it.each<[string, User, UserChanges, Partial<User>, boolean]>([
    ['a new name keeps the tokens', user({}), { name: '  李华 ' }, { name: '李华', tokenVersion: 4 }, false],
    ['deactivation revokes them', user({}), { active: false }, { active: false, tokenVersion: 5 }, true],
    ['reactivation too (tokens from before the deactivation stay dead)', user({ active: false }), { active: true }, { active: true, tokenVersion: 5 }, true],
    ['the same active flag changes nothing', user({}), { active: true }, { tokenVersion: 4 }, false],
    ['other desks revoke', desk(['finance']), { desks: ['media', 'finance'] }, { desks: ['media', 'finance'], tokenVersion: 5 }, true],
    ['the same desks in another order do not', desk(['media', 'finance']), { desks: ['finance', 'media', 'finance'] }, { desks: ['media', 'finance'], tokenVersion: 4 }, false],
    ['another zone revokes', manager(ZONE_A), { zoneId: ZONE_B.toUpperCase() }, { zoneId: ZONE_B, tokenVersion: 5 }, true],
    ['the same zone does not', manager(ZONE_A), { zoneId: ZONE_A }, { zoneId: ZONE_A, tokenVersion: 4 }, false],
    ['nothing at all', user({}), {}, { tokenVersion: 4 }, false],
  ])('%s', (_name, before, changes, expected, revokes) => {
    const result = changeUser(before, changes, COORDINATOR);
    expect(result.user).toEqual({ ...before, ...expected });
    expect(result.revokesTokens).toBe(revokes);
  });

  it.each<[string, User, UserChanges, string, string]>([
    ['desks for a viewer', user({}), { desks: ['finance'] }, 'desks', 'onlyForDeskStaff'],
    ['desks for a zone manager', manager(ZONE_A), { desks: ['finance'] }, 'desks', 'onlyForDeskStaff'],
    ['no desk for desk staff', desk(['finance']), { desks: [] }, 'desks', 'requiredForDeskStaff'],
    ['a zone for desk staff', desk(['finance']), { zoneId: ZONE_A }, 'zoneId', 'onlyForZoneManager'],
    ['a zone for a coordinator', user({ role: 'coordinator' }), { zoneId: ZONE_A }, 'zoneId', 'onlyForZoneManager'],
    ['deactivating oneself', user({ id: COORDINATOR, role: 'coordinator' }), { active: false }, 'active', 'notSelf'],
  ])('refuses %s, naming the field and the rule', (_name, before, changes, field, rule) => {
    let error: unknown;
    try {
      changeUser(before, changes, COORDINATOR);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).details).toEqual([{ field, rule, message: expect.any(String) }]);
  });
});
