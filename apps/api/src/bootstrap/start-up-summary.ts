import { INestApplication, Injectable, Logger } from '@nestjs/common';
import { Role, ROLE_LABELS, SERVICE_TYPE_LABELS } from '@enterpark/common';
import { AppConfig } from '@enterpark/config';
import { ManageZonesService } from '@enterpark/demand';
import { normalizeEmail, User, UserRepository } from '@enterpark/identity';
import { API_PREFIX, DOCS_PATH } from '../http/paths';
import { BootstrapService, FirstStart } from './bootstrap.service';
import { DEMO_ACCOUNT_EMAILS } from './demo-catalogue';

const ROLE_ORDER: Role[] = ['coordinator', 'desk_staff', 'zone_manager', 'viewer'];

export interface SummaryAccount {
  email: string;
  /** The role in Chinese and English, with the desks or the zone it works for. */
  role: string;
}

/** Terminal columns: CJK characters and full-width punctuation take two. */
function columns(text: string): number {
  return [...text].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(1, width - columns(text)));

function passwordLines(firstStart: FirstStart | null, adminEmail: string, width: number): string[] {
  if (!firstStart) {
    return ['密码：仅在首次启动时显示过一次（见首次启动的日志）；若当时设置了 BOOTSTRAP_ADMIN_PASSWORD / DEMO_PASSWORD，则为其值'];
  }
  const shown = (password: string | null, setting: string) => password ?? `取自 ${setting}`;
  return [
    '密码（生成的密码仅显示这一次，请立即保存）：',
    `  ${pad(adminEmail, width)}${shown(firstStart.adminPassword, 'BOOTSTRAP_ADMIN_PASSWORD')}`,
    ...(firstStart.demo ? [`  ${pad('其余演示账号', width)}${shown(firstStart.demo.password, 'DEMO_PASSWORD')}`] : []),
  ];
}

/** The block printed at the end of start-up: where to go, who can sign in as what, where the passwords are. */
export function formatStartUpSummary(baseUrl: string, accounts: SummaryAccount[], firstStart: FirstStart | null, adminEmail: string): string {
  const width = Math.max(columns('其余演示账号'), ...accounts.map((a) => a.email.length)) + 2;
  const links: [string, string][] = [
    ['请先打开', `${baseUrl}/`],
    ['API', `${baseUrl}/${API_PREFIX}（登录：POST /${API_PREFIX}/auth/login）`],
    ['接口文档', `${baseUrl}/${DOCS_PATH}`],
    ['健康检查', `${baseUrl}/health/ready`],
  ];
  return [
    'EnterPark 进园区服务平台已启动',
    ...links.map(([label, url]) => `  ${pad(label, 10)}${url}`),
    '账号：',
    ...accounts.map((a) => `  ${pad(a.email, width)}${a.role}`),
    ...passwordLines(firstStart, adminEmail, width),
  ].join('\n');
}

function roleOf(user: User, zoneNames: Map<string, string>): string {
  const role = `${ROLE_LABELS[user.role]} ${user.role.replace('_', ' ')}`;
  if (user.role === 'desk_staff') return `${role}：${user.desks.map((d) => `${SERVICE_TYPE_LABELS[d]} ${d}`).join('、')}`;
  if (user.role === 'zone_manager' && user.zoneId) return `${role}：${zoneNames.get(user.zoneId) ?? user.zoneId}`;
  return role;
}

@Injectable()
export class StartUpSummary {
  constructor(
    private readonly config: AppConfig,
    private readonly bootstrap: BootstrapService,
    private readonly users: UserRepository,
    private readonly zones: ManageZonesService,
  ) {}

  /** The bootstrap coordinator and the demo accounts that exist, coordinators first, then desks, zones, viewers. */
  async accounts(): Promise<SummaryAccount[]> {
    const emails = [this.config.bootstrapAdminEmail, ...DEMO_ACCOUNT_EMAILS].map(normalizeEmail);
    const users = (await this.users.findByEmails(emails)).sort(
      (a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || emails.indexOf(a.email) - emails.indexOf(b.email),
    );
    const zoneNames = new Map<string, string>();
    for (const zoneId of new Set(users.map((u) => u.zoneId).filter((z): z is string => z !== null))) {
      zoneNames.set(zoneId, (await this.zones.get({ kind: 'province' }, zoneId)).name);
    }
    return users.map((u) => ({ email: u.email, role: roleOf(u, zoneNames) }));
  }

  async render(): Promise<string> {
    return formatStartUpSummary(this.config.publicBaseUrl, await this.accounts(), this.bootstrap.firstStart, normalizeEmail(this.config.bootstrapAdminEmail));
  }
}

/** Logs the summary; as a warning when it shows a generated password, so that no log level hides it. */
export async function logStartUpSummary(app: INestApplication): Promise<void> {
  const text = await app.get(StartUpSummary).render();
  const logger = new Logger('EnterPark');
  const firstStart = app.get(BootstrapService).firstStart;
  if (firstStart && (firstStart.adminPassword || firstStart.demo?.password)) logger.warn(text);
  else logger.log(text);
}
