import 'reflect-metadata';
import { ConsoleBrowser } from '../../libs/testing/src/console-browser';
import { infra, num } from '../intake/config';
import { closeStack, log, runBench, startStack } from '../intake/harness';
import { HttpClient } from '../intake/http';
import { login } from '../intake/seed';
import { BenchWorld, Service } from '../intake/services';
import { firstPageTransfer, SignedIn, signInTransfer, timeFirstPage, timeSignInForm } from './measure';
import { render } from './report';

const PASSWORD = 'Bench-Console-Passw0rd!';
const ROLES = ['zone_manager', 'desk_staff', 'coordinator', 'viewer'] as const;

/** One person of each role, signed in through the API (the session the console would keep). */
async function people(http: HttpClient, world: BenchWorld): Promise<Map<string, SignedIn>> {
  const admin = await login(http, world.adminEmail, world.adminPassword);
  const zone = await http.expect(201, 'POST', '/api/v1/zones', { code: 'bench-hefei', name: '合肥经开区', level: 'national', city: '合肥市' }, admin);
  const sessions = new Map<string, SignedIn>();
  for (const role of ROLES) {
    const email = `${role}@bench.test`;
    if (role !== 'coordinator') {
      const extra = role === 'zone_manager' ? { zoneId: zone.id } : role === 'desk_staff' ? { desks: ['finance'] } : {};
      await http.expect(201, 'POST', '/api/v1/users', { email, name: `测试${role}`, password: PASSWORD, role, ...extra }, admin);
    }
    const session = await http.expect(200, 'POST', '/api/v1/auth/login', role === 'coordinator' ? { email: world.adminEmail, password: world.adminPassword } : { email, password: PASSWORD });
    sessions.set(role, { token: session.accessToken, user: session.user });
  }
  return sessions;
}

/**
 * bench/console: the JS and CSS a browser downloads for the sign-in page and for each role's
 * first page (cold cache), and the median time to the sign-in form and to each first page,
 * in Debian's Chromium against the API process serving the built console.
 */
async function run(world: BenchWorld, services: Service[]): Promise<string> {
  const runs = num('BENCH_RUNS', 15, 1, 200);
  // A generous start-up wait: this bench is often run beside other work on small machines.
  const stack = await startStack(infra(), world, services, 4, 120_000);
  const browser = await ConsoleBrowser.launch(stack.baseUrl);
  try {
    const sessions = await people(stack.http, world);
    log('transfer sizes');
    const signIn = await signInTransfer(browser);
    const roles = [];
    for (const role of ROLES) roles.push({ role, transfer: await firstPageTransfer(browser, sessions.get(role)!) });
    log(`timings: ${runs} cold loads each`);
    const timings = [{ label: 'sign-in form', ms: await timeSignInForm(browser, runs) }];
    for (const role of ROLES) timings.push({ label: `${role} first page`, ms: await timeFirstPage(browser, sessions.get(role)!, Math.max(1, Math.round(runs / 3))) });
    return render({ runId: world.runId, chromium: `Chromium ${browser.version}`, signIn, roles, timings, targetSignInKb: 350 });
  } finally {
    await browser.close();
    await closeStack(stack);
  }
}

runBench(infra(), num('BENCH_DEADLINE_SECONDS', 600, 30, 3600), (world, services) => run(world, services));
