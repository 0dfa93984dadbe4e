import { Injectable } from '@nestjs/common';
import type Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DigestMessageView } from '../domain/digest-view';

/** Beside this file in src (jest) and in dist (the build copies non-TS files). */
const DIGEST_MJML = join(__dirname, 'digest', 'digest.mjml');
const DIGEST_TEXT = join(__dirname, 'digest', 'digest.txt.hbs');

type Render = (view: DigestMessageView) => string;

/**
 * The digest's two parts. The MJML is compiled to responsive HTML once, at first use, and
 * that HTML becomes a Handlebars template: per recipient only Handlebars runs (MJML takes tens
 * of milliseconds, far too slow per message). Every value goes through double-stash
 * interpolation, so user text (titles, zone names, questions) is HTML-escaped.
 */
@Injectable()
export class DigestTemplates {
  private handlebars: Promise<typeof Handlebars> | null = null;
  private html: Promise<Render> | null = null;
  private text: Promise<Render> | null = null;

  /** Compiles both templates now rather than at the first render. */
  async prepare(): Promise<void> {
    await Promise.all([this.htmlTemplate(), this.textTemplate()]);
  }

  async render(view: DigestMessageView): Promise<{ html: string; text: string }> {
    const [html, text] = await Promise.all([this.htmlTemplate(), this.textTemplate()]);
    return { html: html(view), text: tidyText(text(view)) };
  }

  /** Handlebars and MJML are loaded by the first digest, not by every process at boot. */
  private engine(): Promise<typeof Handlebars> {
    this.handlebars ??= import('handlebars').then((m) => m.default.create());
    return this.handlebars;
  }

  private htmlTemplate(): Promise<Render> {
    this.html ??= Promise.all([compileMjml(readFileSync(DIGEST_MJML, 'utf8'), DIGEST_MJML), this.engine()]).then(([html, handlebars]) =>
      handlebars.compile<DigestMessageView>(html, { knownHelpersOnly: true, strict: false }),
    );
    this.html.catch(() => (this.html = null));
    return this.html;
  }

  private textTemplate(): Promise<Render> {
    // Plain text is not HTML: nothing to escape, and escaping would show "&amp;" to the reader.
    this.text ??= this.engine().then((handlebars) =>
      handlebars.compile<DigestMessageView>(readFileSync(DIGEST_TEXT, 'utf8'), { knownHelpersOnly: true, noEscape: true }),
    );
    this.text.catch(() => (this.text = null));
    return this.text;
  }
}

async function compileMjml(source: string, filePath: string): Promise<string> {
  const { default: mjml2html } = await import('mjml');
  const result = await mjml2html(source, { validationLevel: 'strict', filePath, minify: false });
  if (result.errors.length > 0) throw new Error(`digest template ${filePath}: ${result.errors.map((e) => e.formattedMessage).join('; ')}`);
  // MJML indents its output generously; Gmail clips messages past ~100 KB, so line breaks
  // and indentation between tags go (text inside elements is left as it is).
  return result.html.replace(/>\s*\n\s*</g, '><');
}

/** Blocks leave blank lines behind: at most one empty line between paragraphs. */
function tidyText(text: string): string {
  return `${text.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
