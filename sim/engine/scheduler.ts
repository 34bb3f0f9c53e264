// A min-heap of future transitions keyed by due time, so the engine can advance thousands of trades
// per tick without one timer per trade. Ties break by insertion order to keep runs repeatable.

export interface ScheduledEntry {
  dueMs: number;
  /** Trade or funding id. */
  id: string;
  kind: "trade" | "funding";
  /** The record's plan generation when scheduled; a control-API move bumps it and orphans this entry. */
  generation: number;
  seq: number;
}

export class Scheduler {
  private heap: ScheduledEntry[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(entry: Omit<ScheduledEntry, "seq">): void {
    const item = { ...entry, seq: this.seq++ };
    const heap = this.heap;
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent];
      if (!p || !before(item, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = item;
  }

  /** Removes and returns the earliest entry due at or before `nowMs`, or undefined. */
  popDue(nowMs: number): ScheduledEntry | undefined {
    const heap = this.heap;
    const top = heap[0];
    if (!top || top.dueMs > nowMs) return undefined;
    const last = heap.pop();
    if (last && heap.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let smallest = last;
        let at = -1;
        const left = heap[l];
        const right = heap[r];
        if (left && before(left, smallest)) {
          smallest = left;
          at = l;
        }
        if (right && before(right, smallest)) {
          smallest = right;
          at = r;
        }
        if (at < 0) break;
        heap[i] = smallest;
        i = at;
      }
      heap[i] = last;
    }
    return top;
  }

  clear(): void {
    this.heap = [];
  }
}

function before(a: ScheduledEntry, b: ScheduledEntry): boolean {
  return a.dueMs < b.dueMs || (a.dueMs === b.dueMs && a.seq < b.seq);
}
