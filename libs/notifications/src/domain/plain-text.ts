import { FooterView, NotificationView } from './notification-view';

/** The text/plain part: the same content as the HTML, links written out in full. */
export function renderPlainText(view: NotificationView, footer: FooterView): string {
  const lines: string[] = [view.greeting, '', ...view.paragraphs.flatMap((p) => [p, ''])];
  if (view.quote) lines.push(`${view.quote.label}：`, ...view.quote.text.split(/\r?\n/).map((l) => `  ${l}`), '');
  for (const fact of view.facts) lines.push(`${fact.label}：${fact.value}`);
  if (view.facts.length) lines.push('');
  if (view.action) lines.push(`${view.action.label}：${view.action.url}`, '');
  for (const note of view.notes) lines.push(note);
  if (view.notes.length) lines.push('');
  lines.push('——', ...footer.lines, ...footer.links.map((l) => `${l.label}：${l.url}`));
  return lines.join('\n');
}
