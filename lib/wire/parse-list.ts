// Parses a list of REST rows (trades, ledger rows, recorded rows) one by one, so one bad row never
// loses the rest. Never throws. Rows of a kind we do not track (the parser says `unsupported`, e.g.
// REFUND ledger rows) are left out quietly; malformed ones come back as their reasons, for the caller
// to report in its own words.
import type { ParseResult } from "./parse-result";

export interface ParsedList<T> {
  values: T[];
  /** The parser's reason for each malformed row, in row order. */
  failures: string[];
}

export function parseList<I, T>(items: readonly I[], parse: (item: I) => ParseResult<T>): ParsedList<T> {
  const out: ParsedList<T> = { values: [], failures: [] };
  for (const item of items) {
    const result = parse(item);
    if (result.ok) out.values.push(result.value);
    else if (!result.unsupported) out.failures.push(result.reason);
  }
  return out;
}
