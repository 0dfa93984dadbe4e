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

/**
 * First start: the bootstrap coordinator, then (unless DEMO_DATA=false) the demo
 * zones, desks and providers. Under an advisory lock so that replicas do it once.
 */
@Injectable()
export class BootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Bootstrap');

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
        await this.createCoordinator();
        if (this.config.demoData) await this.loadDemoData();
      }
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [BOOTSTRAP_LOCK]).catch(() => undefined);
      await lock.release();
    }
  }

  private async createCoordinator(): Promise<void> {
    const email = this.config.bootstrapAdminEmail;
    const password = this.config.bootstrapAdminPassword ?? generatedPassword();
    await this.createUser.execute({ email, name: '开发区处协调人', password, role: 'coordinator' });
    if (this.config.bootstrapAdminPassword) {
      this.logger.log(`已创建初始协调人账号 ${email}（密码取自 BOOTSTRAP_ADMIN_PASSWORD）`);
    } else {
      // Printed once; it is stored nowhere in clear text.
      this.logger.warn(`已创建初始协调人账号 ${email}，初始密码：${password} （仅显示这一次，请登录后妥善保存）`);
    }
  }

  private async loadDemoData(): Promise<void> {
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
    const accounts = [...DEMO_ZONE_MANAGERS, ...DEMO_DESK_STAFF, DEMO_VIEWER].map((u) => u.email).join(', ');
    this.logger.warn(
      `已加载演示数据：${DEMO_ZONES.length} 个园区、${DEMO_DESK_STAFF.length} 名窗口人员、${DEMO_PROVIDERS.length} 家服务机构。` +
        `演示账号（${accounts}）的密码：${this.config.demoPassword ? '取自 DEMO_PASSWORD' : password}`,
    );
  }
}
