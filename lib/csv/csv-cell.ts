// The one CSV writer of the dashboard: csv-stringify with our rules, for every CSV we export (the board's
// view and the recorded history, lib/trades/trades-csv.ts; the audit log, lib/audit/audit-csv.ts).
// A cell a spreadsheet would run as a formula — starting with =, +, -, @, a tab, a carriage return or a
// line feed, also after leading whitespace (spreadsheets trim it) — gets a leading apostrophe, which
// spreadsheets show as a text marker and never evaluate. That is csv-stringify's `cast`, so nothing can
// reach the file without it. Then RFC 4180 quoting (also for edge spaces and a bare CR or LF), CRLF
// line ends. The sync API here serves the browser; ./csv-stream.ts is the same options as a stream on
// the server. No I/O.
import type { Options } from "csv-stringify";
import { stringify } from "csv-stringify/sync";

export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[\t\r\n]|^\s*[=+\-@]/;

/** The text a spreadsheet opens as text, never as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** csv-stringify's options for every CSV we write (records are arrays of CsvValue). */
export const CSV_WRITER_OPTIONS: Readonly<Options> = Object.freeze({
  cast: {
    string: (value: string) => neutraliseFormula(value),
    number: (value: number) => neutraliseFormula(String(value)),
  },
  // csv-stringify quotes for the delimiter, the quote and a whole CRLF; a bare CR or LF and edge
  // whitespace (which a reader may trim) are quoted too.
  quoted_match: /[\r\n]|^\s|\s$/,
  record_delimiter: "windows",
});

/** Records (the header row included, if any) as one CSV document, each line CRLF-terminated. */
export function csvDocument(records: readonly (readonly CsvValue[])[]): string {
  return stringify(records as CsvValue[][], CSV_WRITER_OPTIONS);
}

/** One CSV line (CRLF-terminated, as RFC 4180 and spreadsheets expect). */
export function csvRow(values: readonly CsvValue[]): string {
  return csvDocument([values]);
}

/** One cell as it appears in a line (no line end). */
export function csvCell(value: CsvValue): string {
  return csvRow([value]).slice(0, -2);
}
