// Steam trade URLs carry the customer's private trade token, so only roles with "see-trade-urls"
// (lib/auth/roles.ts) get them. This removes them from anything our own routes answer with, at any
// depth and in any spelling AssetPay or a future payload might use (clientTradeUrl, tradeUrl,
// trade_url, clientTradeURL). Pure; the route edge applies it (lib/http/trade-answer.ts).

/** True for an object key that holds a trade URL. */
export function isTradeUrlKey(key: string): boolean {
  return key.replace(/[^a-z]/gi, "").toLowerCase().endsWith("tradeurl");
}

/** A copy of `value` with every trade URL key removed; what has none is returned as is. */
export function withoutTradeUrls<T>(value: T): T {
  return strip(value) as T;
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i += 1) {
      const item: unknown = value[i];
      const stripped = strip(item);
      if (stripped !== item) {
        copy ??= value.slice();
        copy[i] = stripped;
      }
    }
    return copy ?? value;
  }
  if (value === null || typeof value !== "object") return value;
  let copy: Record<string, unknown> | null = null;
  for (const [key, item] of Object.entries(value)) {
    if (isTradeUrlKey(key)) {
      copy ??= { ...value };
      delete copy[key];
      continue;
    }
    const stripped = strip(item);
    if (stripped !== item) {
      copy ??= { ...value };
      copy[key] = stripped;
    }
  }
  return copy ?? value;
}
