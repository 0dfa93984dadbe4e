import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '@enterpark/config';
import { ManageZonesService } from '@enterpark/demand';
import { CreateUserService, UserRepository } from '@enterpark/identity';
import { ManageProvidersService } from '@enterpark/matching';
import { DEMO_DESK_STAFF, DEMO_PROVIDERS, DEMO_VIEWER, DEMO_ZONE_MANAGERS, DEMO_ZONES } from './demo-catalogue';
import { GeneratedPassword, OTHER_DEMO_ACCOUNTS, writeInitialPasswords } from './initial-passwords';

const BOOTSTRAP_LOCK = 7_346_100_002;

function generatedPassword(): string {
  return `${randomBytes(12).toString('base64url')}-Ep1`;
}

/** What the first start created, for the start-up summary (which says where generated passwords are, never what). */
export interface FirstStart {
  /** Where the generated passwords were written; null when the configuration chose every one. */
  passwordsFile: string | null;
  /** The bootstrap coordinator's password was generated (else BOOTSTRAP_ADMIN_PASSWORD set it). */
  adminGenerated: boolean;
  /** The demo accounts' password was generated (else DEMO_PASSWORD set it); absent without demo data. */
  demo?: { generated: boolean };
}

/**
 * First start: the bootstrap coordinator, then (unless DEMO_DATA=false) the demo
 * zones, desks and providers. Under an advisory lock so that replicas do it once.
 */
@Injectable()
export class BootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Bootstrap');
  /** Set only in the process that did the first start; generated passwords are in the owner-only file, nowhere else. */
  firstStart: FirstStart | null = null;

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly createUser: CreateUserService,
    private readonly zones: ManageZonesService,
    private readonly providers: ManageProvidersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const lock = this.dataSource.createQueryRunner();
    await lock.connect();
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [BOOTSTRAP_LOCK]);
      if (!(await this.users.existsWithRole('coordinator'))) this.firstStart = await this.setUpFirstStart();
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [BOOTSTRAP_LOCK]).catch(() => undefined);
      await lock.release();
    }
  }

  /**
   * The passwords the configuration leaves unset are generated and written to the owner-only
   * file before any account exists: a file that cannot be written stops the start, rather
   * than leave accounts nobody can sign in to.
   */
  private async setUpFirstStart(): Promise<FirstStart> {
    const { bootstrapAdminEmail, bootstrapAdminPassword, demoData, demoPassword } = this.config;
    const admin = bootstrapAdminPassword ?? generatedPassword();
    const demo = demoData ? (demoPassword ?? generatedPassword()) : null;
    const generated: GeneratedPassword[] = [
      ...(bootstrapAdminPassword ? [] : [{ who: bootstrapAdminEmail, password: admin }]),
      ...(demo && !demoPassword ? [{ who: OTHER_DEMO_ACCOUNTS, password: demo }] : []),
    ];
    const passwordsFile = generated.length > 0 ? this.config.initialPasswordsFile : null;
    if (passwordsFile) writeInitialPasswords(passwordsFile, generated);
    await this.createCoordinator(admin);
    if (demo) await this.loadDemoData(demo);
    return { passwordsFile, adminGenerated: !bootstrapAdminPassword, ...(demo ? { demo: { generated: !demoPassword } } : {}) };
  }

  private async createCoordinator(password: string): Promise<void> {
    const email = this.config.bootstrapAdminEmail;
    await this.createUser.execute({ email, name: '开发区处协调人', password, role: 'coordinator' });
    this.logger.log(`已创建初始协调人账号 ${email}`);
  }

  private async loadDemoData(password: string): Promise<void> {
    const zoneIds = new Map<string, string>();
    for (const zone of DEMO_ZONES) zoneIds.set(zone.code, (await this.zones.create(zone)).id);
    for (const s of DEMO_DESK_STAFF) {
      await this.createUser.execute({ email: s.email, name: s.name, password, role: 'desk_staff', desks: [s.desk] });
    }
    for (const m of DEMO_ZONE_MANAGERS) {
      await this.createUser.execute({ email: m.email, name: m.name, password, role: 'zone_manager', zoneId: zoneIds.get(m.zoneCode)! });
    }
    await this.createUser.execute({ ...DEMO_VIEWER, password, role: 'viewer' });
    for (const p of DEMO_PROVIDERS) await this.providers.create(p);
    this.logger.log(
      `已加载演示数据：${DEMO_ZONES.length} 个园区、${DEMO_DESK_STAFF.length} 名窗口人员、${DEMO_ZONE_MANAGERS.length} 名园区管理员、1 名领导、${DEMO_PROVIDERS.length} 家服务机构`,
    );
  }
}
