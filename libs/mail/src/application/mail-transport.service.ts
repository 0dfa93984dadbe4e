import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '@enterpark/config';
import type { MailMessage } from '../persistence/mail-message.repository';
import { messageOptions } from './message-options';

export type Delivery = { via: 'smtp'; response: string } | { via: 'file'; path: string };

/**
 * SMTP when SMTP_URL is set (a pool: digests go out by the thousand), otherwise the embedded
 * default: each message written as an .eml file under DATA_DIR/mail. SMTP timeouts are
 * fractions of the send lease, so a live send ends (or fails) before another sender may
 * re-claim its message; the pool never re-sends on its own (maxRequeues 0), so every wire
 * attempt is one recorded attempt of the sender.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly logger = new Logger('Mail');
  private smtp: Transporter | null = null;
  private readonly files = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

  constructor(private readonly config: AppConfig) {}

  async deliver(message: MailMessage): Promise<Delivery> {
    const options = messageOptions(message, this.config.mailFrom);
    if (!this.config.smtpUrl) return this.writeFile(message, await this.files.sendMail(options));
    const info = await this.smtpTransport().sendMail(options);
    return { via: 'smtp', response: String(info.response ?? '') };
  }

  /** After the worker drained its in-flight sends (beforeApplicationShutdown), not before. */
  onApplicationShutdown(): void {
    this.smtp?.close();
    this.smtp = null;
  }

  private smtpTransport(): Transporter {
    if (!this.smtp) {
      const lease = this.config.mailSendLeaseMs;
      this.smtp = createTransport({
        url: this.config.smtpUrl,
        pool: true,
        maxConnections: Math.min(this.config.mailSendConcurrency, 20),
        maxRequeues: 0,
        connectionTimeout: Math.floor(lease / 6),
        greetingTimeout: Math.floor(lease / 6),
        dnsTimeout: Math.floor(lease / 6),
        socketTimeout: Math.floor(lease / 3),
        disableFileAccess: true,
        disableUrlAccess: true,
      });
    }
    return this.smtp;
  }

  /** Written under a temporary name, then renamed: a reader never sees half a message. */
  private async writeFile(message: MailMessage, info: { message: unknown }): Promise<Delivery> {
    const dir = resolve(this.config.dataDir, 'mail');
    await mkdir(dir, { recursive: true });
    const path = join(dir, `${message.createdAt.toISOString().slice(0, 10)}-${message.id}.eml`);
    await writeFile(`${path}.tmp`, info.message as Buffer);
    await rename(`${path}.tmp`, path);
    this.logger.log(`未配置 SMTP_URL，邮件已写入文件：${path}（收件人 ${message.toAddress}，主题「${message.subject}」）`);
    return { via: 'file', path };
  }
}
