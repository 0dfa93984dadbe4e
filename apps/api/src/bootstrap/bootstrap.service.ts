import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '@enterpark/config';
import { ManageZonesService } from '@enterpark/demand';
import { CreateUserService, UserRepository } from '@enterpark/identity';
import { ManageProvidersService } from '@enterpark/matching';
import { DEMO_DESK_STAFF, DEMO_PROVIDERS, DEMO_VIEWER, DEMO_ZONE_MANAGERS, DEMO_ZONES } from './demo-catalogue';

const BOOTSTRAP_LOCK = 7_346_100_002;

function generatedPassword(): string {
  return `${randomBytes(12).toString('base64url')}-Ep1`;
}

/** What the first start created, for the start-up summary, which shows generated passwords once. */
export interface FirstStart {
  /** The generated password of the bootstrap coordinator; null when BOOTSTRAP_ADMIN_PASSWORD set it. */
  adminPassword: string | null;
  /** The demo accounts' generated password (null: DEMO_PASSWORD set it); absent without demo data. */
  demo?: { password: string | null };
}

/**
 * First start: the bootstrap coordinator, then (unless DEMO_DATA=false) the demo
 * zones, desks and providers. Under an advisory lock so that replicas do it once.
 */
@Injectable()
export class BootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Bootstrap');
  /** Set only in the process that did the first start; passwords are stored nowhere in clear text. */
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
      if (!(await this.users.existsWithRole('coordinator'))) {
        const adminPassword = await this.createCoordinator();
        this.firstStart = { adminPassword, ...(this.config.demoData ? { demo: { password: await this.loadDemoData() } } : {}) };
      }
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [BOOTSTRAP_LOCK]).catch(() => undefined);
      await lock.release();
    }
  }

  /** Returns the generated password, or null when the configuration gave one. */
  private async createCoordinator(): Promise<string | null> {
    const email = this.config.bootstrapAdminEmail;
    const password = this.config.bootstrapAdminPassword ?? generatedPassword();
    await this.createUser.execute({ email, name: '开发区处协调人', password, role: 'coordinator' });
    this.logger.log(`已创建初始协调人账号 ${email}`);
    return this.config.bootstrapAdminPassword ? null : password;
  }

  /** Returns the demo accounts' generated password, or null when the configuration gave one. */
  private async loadDemoData(): Promise<string | null> {
    const password = this.config.demoPassword ?? generatedPassword();
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
    return this.config.demoPassword ? null : password;
  }
}
