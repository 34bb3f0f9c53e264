// Picks the k oldest records by a timestamp without sorting everything: a bounded max-heap keeps the
// k smallest seen so far, O(n log k). Used by the retention caps. Pure helpers; no store knowledge.
import type { TradeStatus } from "@/lib/trades/types";

/** A reversal this recent is one the Exposure region counts (7 days in any time zone): kept at the cap. */
export const KEPT_REVERSAL_MS = 8 * 86_400_000;
/** Added to a kept reversal's time so it sorts after every other terminal trade (about 3,000 years). */
const KEPT_SHIFT_MS = 1e14;

/**
 * The time a terminal trade is evicted by (oldest first): its updatedAt, except that a trade reverted in
 * the last KEPT_REVERSAL_MS goes after every other terminal trade, so the Exposure region's reversal
 * figures stay whole at the cap. Only when recent reversals alone exceed the cap are the oldest of them
 * evicted (and the "7 days" figure then counts fewer than happened).
 */
export function evictionMs(status: TradeStatus, updatedAtMs: number, nowMs: number): number {
  return status === "reverted" && updatedAtMs >= nowMs - KEPT_REVERSAL_MS ? updatedAtMs + KEPT_SHIFT_MS : updatedAtMs;
}

interface Entry {
  key: string;
  ms: number;
}

function siftUp(heap: Entry[], i: number): void {
  let child = i;
  while (child > 0) {
    const parent = (child - 1) >> 1;
    const c = heap[child];
    const p = heap[parent];
    if (!c || !p || p.ms >= c.ms) return;
    heap[child] = p;
    heap[parent] = c;
    child = parent;
  }
}

function siftDown(heap: Entry[], i: number): void {
  let parent = i;
  for (;;) {
    const left = parent * 2 + 1;
    const right = left + 1;
    let largest = parent;
    const l = heap[left];
    const r = heap[right];
    const cur = heap[largest];
    if (!cur) return;
    if (l && l.ms > cur.ms) largest = left;
    const big = heap[largest];
    if (r && big && r.ms > big.ms) largest = right;
    if (largest === parent) return;
    const swap = heap[largest];
    if (!swap) return;
    heap[largest] = cur;
    heap[parent] = swap;
    parent = largest;
  }
}

/** Keys of the `k` entries with the smallest `ms` among those `entries` yields (ties: first seen wins). */
export function oldestKeys(entries: Iterable<Entry>, k: number): string[] {
  if (k <= 0) return [];
  const heap: Entry[] = [];
  for (const entry of entries) {
    if (heap.length < k) {
      heap.push(entry);
      siftUp(heap, heap.length - 1);
    } else {
      const top = heap[0];
      if (top && entry.ms < top.ms) {
        heap[0] = entry;
        siftDown(heap, 0);
      }
    }
  }
  return heap.map((e) => e.key);
}
