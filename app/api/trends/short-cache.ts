// A few seconds of memory per key for an expensive read, so many open tabs asking at once run it once:
// callers within the time share the same promise (also while it is still running). A failed read is
// forgotten at once, so the next caller tries again.
export interface ShortCache<Key, Value> {
  get(key: Key, read: () => Promise<Value>): Promise<Value>;
}

/** `ttlMs`: how long an answer is kept, per key. */
export function shortCache<Key, Value>(ttlMs: (key: Key) => number, now: () => number = Date.now): ShortCache<Key, Value> {
  const entries = new Map<Key, { until: number; value: Promise<Value> }>();
  return {
    get(key, read) {
      const held = entries.get(key);
      if (held && held.until > now()) return held.value;
      const value = read();
      entries.set(key, { until: now() + ttlMs(key), value });
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      return value;
    },
  };
}
