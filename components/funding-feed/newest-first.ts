// Orders funding entries newest first by creation time (ties: latest activity, then id). Pure.
import type { Funding } from "@/lib/trades/types";

function ms(iso: string | undefined): number {
  if (iso === undefined) return Number.NEGATIVE_INFINITY;
  const value = Date.parse(iso);
  return Number.isFinite(value) ? value : Number.NEGATIVE_INFINITY;
}

export function newestFirst(entries: Iterable<Funding>): Funding[] {
  const keyed = Array.from(entries, (f) => ({ f, created: ms(f.createdAt), last: Math.max(ms(f.updatedAt), ms(f.completedAt), ms(f.createdAt)) }));
  keyed.sort((a, b) => b.created - a.created || b.last - a.last || (a.f.id < b.f.id ? -1 : a.f.id > b.f.id ? 1 : 0));
  return keyed.map((k) => k.f);
}
