// The time that orders versions of one merchant funding object. AssetPay's funding object has no
// reliable updatedAt (docs/assetpay-api.md, merchant funding object), so the latest of its timestamps
// stands in for it. The browser store and the recorder both order funding by this; never by one field.
import type { Funding } from "./types";

// Funding objects are never mutated (a change arrives as a new object), so each one's stamp is parsed
// once: over its cap a store feed's eviction reads the stamp of every entry it holds, up to 5,000.
const stamps = new WeakMap<Funding, number>();

/** Latest of createdAt, updatedAt and completedAt in ms; -Infinity when none parses. */
export function fundingStampMs(f: Funding): number {
  const known = stamps.get(f);
  if (known !== undefined) return known;
  let best = Number.NEGATIVE_INFINITY;
  for (const iso of [f.createdAt, f.updatedAt, f.completedAt]) {
    if (iso === undefined) continue;
    const ms = Date.parse(iso);
    if (Number.isFinite(ms) && ms > best) best = ms;
  }
  stamps.set(f, best);
  return best;
}
