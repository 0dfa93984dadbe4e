import { SERVICE_TYPES, ServiceType } from '@enterpark/common';
import { BenchWorld } from './services';
import { HttpClient } from './http';

export interface Filer {
  zoneId: string;
  userId: string;
  token: string;
}

export interface StaffMember {
  userId: string;
  desk: ServiceType;
  email: string;
}

export interface Seeded {
  filers: Filer[];
  deskStaff: number;
  staff: StaffMember[];
}

/** Where a zone is; the zones are spread over these in turn. */
export interface Place {
  city: string;
  province: string;
}

/** Every seeded user's password. */
export const PASSWORD = 'Bench-Passw0rd!';
const STAFF_PER_DESK = 2;
const HEFEI: Place[] = [{ city: '合肥市', province: '安徽省' }];

/** Logs a user in; answers the access token. */
export async function login(http: HttpClient, email: string, password = PASSWORD): Promise<string> {
  return (await http.expect(200, 'POST', '/api/v1/auth/login', { email, password })).accessToken;
}

/**
 * What a real deployment has before intake starts, created through the HTTP API as
 * the bootstrap coordinator: zones, one zone manager per zone (logged in), and two
 * staff members on each of the six desks.
 */
export async function seed(http: HttpClient, world: BenchWorld, zones: number, places = HEFEI): Promise<Seeded> {
  const admin = await login(http, world.adminEmail, world.adminPassword);
  const createUser = (body: object) => http.expect(201, 'POST', '/api/v1/users', { password: PASSWORD, ...body }, admin);

  const staff = SERVICE_TYPES.flatMap((desk) =>
    Array.from({ length: STAFF_PER_DESK }, async (_, i): Promise<StaffMember> => {
      const email = `${desk}.${i}@bench.test`;
      const user = await createUser({ email, name: `${desk} ${i}`, role: 'desk_staff', desks: [desk] });
      return { userId: user.id, desk, email };
    }),
  );
  const filers = Array.from({ length: zones }, async (_, i): Promise<Filer> => {
    const zone = await http.expect(
      201, 'POST', '/api/v1/zones',
      { code: `bench-zone-${i}`, name: `压测园区${i}`, level: 'national', ...places[i % places.length] },
      admin,
    );
    const email = `manager.${i}@bench.test`;
    const user = await createUser({ email, name: `园区管理员${i}`, role: 'zone_manager', zoneId: zone.id });
    return { zoneId: zone.id, userId: user.id, token: await login(http, email) };
  });
  const [members, done] = await Promise.all([Promise.all(staff), Promise.all(filers)]);
  return { filers: done, deskStaff: members.length, staff: members };
}
