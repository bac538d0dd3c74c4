/**
 * RFC 4180 CSV for spreadsheets: fields with a comma, quote or line break are quoted (quotes doubled),
 * lines end in CRLF, and a UTF-8 byte order mark tells Excel the file is UTF-8 (Chinese stays readable).
 * A field that starts like a formula (=, +, -, @) gets a leading apostrophe so a spreadsheet shows it
 * as text instead of running it.
 */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}

function field(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
