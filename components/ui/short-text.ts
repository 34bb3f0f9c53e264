// Shortening long values for display (the full value stays in titles and copy buttons). Pure.

/** "0x12ab…9f3c" — keeps both ends, which is what people compare addresses and hashes by. */
export function middleEllipsis(value: string, head = 6, tail = 4): string {
  return value.length <= head + tail + 1 ? value : `${value.slice(0, head)}…${value.slice(-tail)}`;
}

/** A decimal string cut (not rounded) to `places` decimals, trailing zeros dropped: "20600.416612" → "20600.4166". */
export function trimDecimal(value: string, places = 4): string {
  const match = /^(-?\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return value;
  const [, whole = "", fraction = ""] = match;
  const cut = fraction.slice(0, places).replace(/0+$/, "");
  return cut ? `${whole}.${cut}` : whole;
}
