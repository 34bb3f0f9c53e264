// Builds the lowercase text a trade is searched by, once per trade change (cached on the stored record)
// so typing in the search box never re-lowercases 100,000 trades. Pure.
import type { Trade } from "./types";

// Newline-separated so a query cannot match across two fields; trimmed queries never contain one.
export function buildSearchText(trade: Trade): string {
  const parts: string[] = [trade.id, trade.clientSteamId];
  if (trade.externalId) parts.push(trade.externalId);
  if (trade.offerId) parts.push(trade.offerId);
  if (trade.externalClientUserId) parts.push(trade.externalClientUserId);
  for (const item of trade.items) {
    if (item.name) parts.push(item.name);
    if (item.marketHashName && item.marketHashName !== item.name) parts.push(item.marketHashName);
  }
  return parts.join("\n").toLowerCase();
}

export function normalizeSearch(query: string): string {
  return query.trim().toLowerCase();
}
