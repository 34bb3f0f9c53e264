// Memory per key for an expensive read, so many open tabs asking at once run it once: callers share
// the same promise while it runs and for a while after it settles. That while is the key's time to
// live, or, for a slow read (5 s or more), ten times what it took if longer, so a read that got slow (a week of trends over a
// very large PGlite store, bench/RESULTS.md "Trends") occupies the store at most about a tenth of the
// time instead of starting again the moment it ends. A failed read is forgotten at once, so the next
// caller tries again.
export interface ShortCache<Key, Value> {
  get(key: Key, read: () => Promise<Value>): Promise<Value>;
}

/** How many times its own duration a slow settled read is kept, at least. */
export const COST_FACTOR = 10;
/** A read counts as slow from this long on; a quicker one is kept only for the key's time to live. */
export const SLOW_READ_MS = 5_000;

/** `ttlMs`: how long an answer is kept at least, per key, from when it arrived. */
export function shortCache<Key, Value>(ttlMs: (key: Key) => number, now: () => number = Date.now): ShortCache<Key, Value> {
  const entries = new Map<Key, { until: number; value: Promise<Value> }>();
  return {
    get(key, read) {
      const held = entries.get(key);
      if (held && held.until > now()) return held.value;
      const startedAt = now();
      const value = read();
      const entry = { until: Number.POSITIVE_INFINITY, value };
      entries.set(key, entry);
      value.then(
        () => {
          const settledAt = now();
          const took = settledAt - startedAt;
          entry.until = settledAt + Math.max(ttlMs(key), took >= SLOW_READ_MS ? COST_FACTOR * took : 0);
        },
        () => {
          if (entries.get(key) === entry) entries.delete(key);
        },
      );
      return value;
    },
  };
}
