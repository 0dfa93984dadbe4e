/** Terminal columns: CJK characters and full-width punctuation take two. */
export function columns(text: string): number {
  return [...text].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
}

/** `text` padded to `width` columns, with at least one space after it. */
export const pad = (text: string, width: number) => text + ' '.repeat(Math.max(1, width - columns(text)));
