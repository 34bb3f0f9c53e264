// Orders funding entries newest first by creation time (ties: latest activity, then id). Pure.
// A feed shows only its newest few of up to 5,000 entries and refreshes every second under a busy
// socket, so it asks for the first `limit` only (one pass, no full sort), and each entry's dates are
// parsed once: funding objects are never mutated (a change arrives as a new object).
import type { Funding } from "@/lib/trades/types";

interface SortKey {
  created: number;
  last: number;
}

const sortKeys = new WeakMap<Funding, SortKey>();

function ms(iso: string | undefined): number {
  if (iso === undefined) return Number.NEGATIVE_INFINITY;
  const value = Date.parse(iso);
  return Number.isFinite(value) ? value : Number.NEGATIVE_INFINITY;
}

function sortKey(f: Funding): SortKey {
  let key = sortKeys.get(f);
  if (key === undefined) {
    key = { created: ms(f.createdAt), last: Math.max(ms(f.updatedAt), ms(f.completedAt), ms(f.createdAt)) };
    sortKeys.set(f, key);
  }
  return key;
}

/** Negative when `a` comes first. (Two unparseable dates subtract to NaN, which falls through to the next key.) */
function compareNewestFirst(a: Funding, b: Funding): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  return kb.created - ka.created || kb.last - ka.last || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The entries newest first; with `limit`, only the first `limit` of that order. */
export function newestFirst(entries: Iterable<Funding>, limit = Number.POSITIVE_INFINITY): Funding[] {
  if (!(limit < Number.POSITIVE_INFINITY)) return Array.from(entries).sort(compareNewestFirst);
  const first: Funding[] = [];
  if (limit <= 0) return first;
  for (const entry of entries) {
    const last = first[first.length - 1];
    if (first.length === limit && last !== undefined && compareNewestFirst(entry, last) >= 0) continue;
    let low = 0;
    let high = first.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      const probe = first[mid];
      if (probe !== undefined && compareNewestFirst(entry, probe) < 0) high = mid;
      else low = mid + 1;
    }
    first.splice(low, 0, entry);
    if (first.length > limit) first.pop();
  }
  return first;
}
