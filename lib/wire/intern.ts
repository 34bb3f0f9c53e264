// One shared copy of the strings that repeat across many trades: item names, market hash names, icon
// URLs, exteriors. The same catalog item arrives on thousands of trades and JSON.parse gives each its
// own copy (an icon URL alone is ~160 bytes); the store keeps them for every trade it holds, and every
// major GC marks them. Equal strings are interchangeable, so nothing else can tell the difference.
// Bounded: endless distinct strings (hostile or not) cost at most MAX_INTERNED entries, then the pool
// starts over. Pure apart from that cache; safe in the browser and in Node.

export const MAX_INTERNED = 20_000;
/** Longer strings are kept as they are: not catalog text, and hashing them costs more than it saves. */
export const MAX_INTERNED_LENGTH = 512;

let pool = new Map<string, string>();

export function intern(value: string): string {
  if (value.length > MAX_INTERNED_LENGTH) return value;
  const held = pool.get(value);
  if (held !== undefined) return held;
  if (pool.size >= MAX_INTERNED) pool = new Map();
  pool.set(value, value);
  return value;
}

/** `intern` for an optional field: undefined stays undefined. */
export function internOptional(value: string | undefined): string | undefined {
  return value === undefined ? undefined : intern(value);
}

/** Strings held by the pool now (for tests and diagnostics). */
export function internedCount(): number {
  return pool.size;
}
