// The Stalled card's second line. In-flight trades the page could not verify during an outage are
// not stalled trades: they are named separately, in words, and never added to the stalled figure, so
// an outage does not read as "every trade in flight may be stalled".
const COUNT = new Intl.NumberFormat("en-US");

export const UNVERIFIED_TITLE =
  "In-flight trades not confirmed against AssetPay since the connection dropped. They are checked again at the next resync; only those past their stall limits count as stalled.";

export function stalledCardDetail(stalled: number, unverified: number): string {
  const stalledPart = stalled > 0 ? "Past their stall limits" : "None past their limits";
  if (unverified <= 0) return stalledPart;
  const trades = unverified === 1 ? "trade" : "trades";
  return `${stalledPart} · ${COUNT.format(unverified)} in-flight ${trades} unverified since the connection dropped`;
}
