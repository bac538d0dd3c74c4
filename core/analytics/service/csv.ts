/** RFC 4180 CSV that spreadsheets open safely: quoted where needed, and text that a spreadsheet would run
 * as a formula (=, +, -, @, tab, CR at the start) is prefixed with an apostrophe (OWASP's advice). */
export type Cell = string | number | null;

export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** With a byte-order mark so Excel reads UTF-8 (Chinese category names) correctly. */
export function toCsv(header: string[], rows: Cell[][]): string {
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
