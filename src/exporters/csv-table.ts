/**
 * A table as CSV (RFC 4180): every cell quoted when it needs to be, lines ended by CRLF. A cell that
 * a spreadsheet would read as a formula (starting with =, +, -, @, a tab or a carriage return) gets a
 * leading apostrophe, so exported user text can never run as one.
 */
export function csvTable(
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean | null)[])[],
): string {
  return `${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
