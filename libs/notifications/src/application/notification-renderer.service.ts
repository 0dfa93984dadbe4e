import { Injectable } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FooterView, NotificationView } from '../domain/notification-view';
import { renderPlainText } from '../domain/plain-text';

/** Copied next to the compiled code by `swc --copy-files`; read relative to this file in src and dist alike. */
const TEMPLATE = join(__dirname, '..', 'templates', 'notification.mjml');

type Compiled = (context: NotificationView & { footer: FooterView }) => string;

/**
 * Turns a message's view into its HTML and text parts. The MJML layout is compiled once,
 * at first use, into a Handlebars template (MJML is slow; filling Handlebars is not).
 * Handlebars escapes every value, so user text (titles, questions) stays text. Both are
 * loaded then too: MJML alone is ~65 MB resident, which a process that sends no mail never needs.
 */
@Injectable()
export class NotificationRenderer {
  private compiled: Promise<Compiled> | null = null;

  async render(view: NotificationView, footer: FooterView): Promise<{ html: string; text: string }> {
    const template = await this.template();
    return { html: template({ ...view, footer }), text: renderPlainText(view, footer) };
  }

  private template(): Promise<Compiled> {
    this.compiled ??= compile().catch((error: unknown) => {
      this.compiled = null; // a failed compile is retried by the next message, not cached
      throw error;
    });
    return this.compiled;
  }
}

async function compile(): Promise<Compiled> {
  const [source, { default: mjml2html }, { default: Handlebars }] = await Promise.all([readFile(TEMPLATE, 'utf8'), import('mjml'), import('handlebars')]);
  const result = await mjml2html(source, { validationLevel: 'strict', filePath: TEMPLATE });
  return Handlebars.create().compile(result.html, { strict: false, noEscape: false });
}
