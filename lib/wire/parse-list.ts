// Parses an array of REST items (trades, ledger rows) one by one, so one bad row never loses the page.
// Never throws; caps how many items it looks at so a hostile response cannot stall the tab.
import type { ParseResult } from "./parse-result";

export const MAX_LIST_ITEMS = 1000;

export interface ParsedList<T> {
  values: T[];
  /** Short reasons for malformed rows, prefixed with their index. */
  failures: string[];
  /** Well-formed rows of kinds we do not track (e.g. REFUND ledger rows). */
  unsupported: number;
  /** Raw statuses that mapped to "unknown". */
  unknownStatuses: string[];
}

export function parseList<T>(items: unknown, parse: (item: unknown) => ParseResult<T>, max = MAX_LIST_ITEMS): ParsedList<T> {
  const out: ParsedList<T> = { values: [], failures: [], unsupported: 0, unknownStatuses: [] };
  if (!Array.isArray(items)) {
    out.failures.push("items: expected array");
    return out;
  }
  const limit = Math.min(items.length, max);
  for (let i = 0; i < limit; i += 1) {
    const result = parse(items[i]);
    if (result.ok) {
      out.values.push(result.value);
      if (result.unknownStatus !== null) out.unknownStatuses.push(result.unknownStatus);
    } else if (result.unsupported) out.unsupported += 1;
    else out.failures.push(`[${i}] ${result.reason}`);
  }
  if (items.length > max) out.failures.push(`items: ${items.length - max} beyond the first ${max} ignored`);
  return out;
}
