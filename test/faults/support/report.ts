export type Row = Record<string, string | number | boolean | null>;

/** Formats `rows` as an aligned table under `title` (the columns of the first row). */
export function formatTable(title: string, rows: Row[]): string {
  if (rows.length === 0) return `${title}\n  (nothing measured)\n`;
  const columns = Object.keys(rows[0]);
  const cell = (v: Row[string]) => (typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(1) : String(v ?? '–'));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (values: string[]) => `  ${values.map((v, i) => v.padEnd(widths[i])).join('  ')}`.trimEnd();
  return [
    title,
    line(columns),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map((r) => line(columns.map((c) => cell(r[c])))),
    '',
  ].join('\n');
}

/** Prints the table on the test's own stdout (not through console.log, which jest decorates). */
export function printTable(title: string, rows: Row[]): void {
  process.stdout.write(`\n${formatTable(title, rows)}`);
}

export const seconds = (ms: number) => Math.round(ms / 100) / 10;

/** Counts of each value, e.g. HTTP statuses: "200×41 503×37". */
export function tally(values: (string | number)[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([v, n]) => `${v}×${n}`).join(' ') || '–';
}
