// CSV cells a spreadsheet opens as text, never as a formula: a value starting with =, +, -, @, a tab or
// a carriage return (or a line feed) gets a leading apostrophe, which spreadsheets show as a plain text
// marker and do not evaluate. Then RFC 4180 quoting. One helper for every CSV the dashboard exports
// (the audit log's, the board's). No I/O.

const FORMULA_START = /^[=+\-@\t\r\n]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line (CRLF-terminated, as RFC 4180 and spreadsheets expect). */
export function csvRow(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
