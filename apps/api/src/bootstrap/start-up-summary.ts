import { INestApplication, Injectable, Logger } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { Role, ROLE_LABELS, SERVICE_TYPE_LABELS } from '@enterpark/common';
import { AppConfig } from '@enterpark/config';
import { ManageZonesService } from '@enterpark/demand';
import { normalizeEmail, User, UserRepository } from '@enterpark/identity';
import { API_PREFIX, DOCS_PATH } from '../http/paths';
import { BootstrapService, FirstStart } from './bootstrap.service';
import { DEMO_ACCOUNT_EMAILS } from './demo-catalogue';
import { OTHER_DEMO_ACCOUNTS, readCommand } from './initial-passwords';
import { columns, pad } from './terminal-columns';

const ROLE_ORDER: Role[] = ['coordinator', 'desk_staff', 'zone_manager', 'viewer'];

export interface SummaryAccount {
  email: string;
  /** The role in Chinese and English, with the desks or the zone it works for. */
  role: string;
}

export interface SummaryPasswords {
  /** What this process's first start did; null on any later start. */
  firstStart: FirstStart | null;
  adminEmail: string;
  /** Where a first start writes generated passwords, and whether the file is (still) there. */
  file: string;
  fileExists: boolean;
}

/** Where the passwords are; never a password itself (logs are kept and read by more people than the operator). */
function passwordLines({ firstStart, adminEmail, file, fileExists }: SummaryPasswords, width: number): string[] {
  const see = `查看：${readCommand(file)}`;
  if (!firstStart) {
    return [
      fileExists
        ? `密码：首次启动时生成的初始密码在 ${file}（仅所有者可读；${see}，保存后请删除该文件）；其余为当时 BOOTSTRAP_ADMIN_PASSWORD / DEMO_PASSWORD 的值`
        : `密码：首次启动时 BOOTSTRAP_ADMIN_PASSWORD / DEMO_PASSWORD 的值；未设置的当时已生成并写入 ${file}（该文件现已不在）`,
    ];
  }
  const shown = (generated: boolean, setting: string) => (generated ? '已生成，见下方文件' : `取自 ${setting}`);
  return [
    '密码：',
    `  ${pad(adminEmail, width)}${shown(firstStart.adminGenerated, 'BOOTSTRAP_ADMIN_PASSWORD')}`,
    ...(firstStart.demo ? [`  ${pad(OTHER_DEMO_ACCOUNTS, width)}${shown(firstStart.demo.generated, 'DEMO_PASSWORD')}`] : []),
    ...(firstStart.passwordsFile ? [`生成的初始密码已写入 ${firstStart.passwordsFile}（仅所有者可读，不写入日志）。${see}`] : []),
  ];
}

/**
 * The block printed at the end of start-up: where to go (the API docs only when served), who
 * can sign in as what, where the passwords are.
 */
export function formatStartUpSummary(baseUrl: string, apiDocs: boolean, accounts: SummaryAccount[], passwords: SummaryPasswords): string {
  const width = Math.max(columns(OTHER_DEMO_ACCOUNTS), ...accounts.map((a) => a.email.length)) + 2;
  const links: [string, string][] = [
    ['请先打开', `${baseUrl}/`],
    ['API', `${baseUrl}/${API_PREFIX}（登录：POST /${API_PREFIX}/auth/login）`],
    ...(apiDocs ? [['接口文档', `${baseUrl}/${DOCS_PATH}`] as [string, string]] : []),
    ['健康检查', `${baseUrl}/health/ready`],
  ];
  return [
    'EnterPark 进园区服务平台已启动',
    ...links.map(([label, url]) => `  ${pad(label, 10)}${url}`),
    '账号：',
    ...accounts.map((a) => `  ${pad(a.email, width)}${a.role}`),
    ...passwordLines(passwords, width),
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
    const file = this.config.initialPasswordsFile;
    return formatStartUpSummary(this.config.publicBaseUrl, this.config.apiDocs, await this.accounts(), {
      firstStart: this.bootstrap.firstStart,
      adminEmail: normalizeEmail(this.config.bootstrapAdminEmail),
      file,
      fileExists: existsSync(file),
    });
  }
}

/** Logs the summary; as a warning when it names a new passwords file, so that no log level hides where it is. */
export async function logStartUpSummary(app: INestApplication): Promise<void> {
  const text = await app.get(StartUpSummary).render();
  const logger = new Logger('EnterPark');
  if (app.get(BootstrapService).firstStart?.passwordsFile) logger.warn(text);
  else logger.log(text);
}
