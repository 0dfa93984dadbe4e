import { SERVICE_TYPES } from '@enterpark/common';
import { BenchWorld } from './services';
import { HttpClient } from './http';

export interface Filer {
  zoneId: string;
  userId: string;
  token: string;
}

export interface Seeded {
  filers: Filer[];
  deskStaff: number;
}

const PASSWORD = 'Bench-Passw0rd!';
const STAFF_PER_DESK = 2;

/**
 * What a real deployment has before intake starts, created through the HTTP API as
 * the bootstrap coordinator: zones, one zone manager per zone (logged in), and two
 * staff members on each of the six desks.
 */
export async function seed(http: HttpClient, world: BenchWorld, zones: number): Promise<Seeded> {
  const login = (email: string, password: string) => http.expect(200, 'POST', '/api/v1/auth/login', { email, password });
  const admin: string = (await login(world.adminEmail, world.adminPassword)).accessToken;
  const createUser = (body: object) => http.expect(201, 'POST', '/api/v1/users', { password: PASSWORD, ...body }, admin);

  const staff = SERVICE_TYPES.flatMap((desk) =>
    Array.from({ length: STAFF_PER_DESK }, (_, i) => createUser({ email: `${desk}.${i}@bench.test`, name: `${desk} ${i}`, role: 'desk_staff', desks: [desk] })),
  );
  const filers = Array.from({ length: zones }, async (_, i): Promise<Filer> => {
    const zone = await http.expect(
      201, 'POST', '/api/v1/zones',
      { code: `bench-zone-${i}`, name: `压测园区${i}`, level: 'national', city: '合肥市' },
      admin,
    );
    const email = `manager.${i}@bench.test`;
    const user = await createUser({ email, name: `园区管理员${i}`, role: 'zone_manager', zoneId: zone.id });
    return { zoneId: zone.id, userId: user.id, token: (await login(email, PASSWORD)).accessToken };
  });
  const [, done] = await Promise.all([Promise.all(staff), Promise.all(filers)]);
  return { filers: done, deskStaff: staff.length };
}
