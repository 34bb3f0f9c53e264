// The browser's parsing edge for socket events: each raw event becomes the typed event the store
// ingests, through lib/wire's parsers (the same edge where the resync and snapshot clients parse REST).
// A payload that fails, or an event name we do not follow, becomes a malformed event carrying its
// reason, so the store counts it in Diagnostics: nothing is dropped here, nothing unparsed goes on.
import type { OpsEvent, OpsMalformedEvent } from "@/lib/store/ingest";
import { parseFundingEvent } from "@/lib/wire/parse-funding";
import { type HeldItems, parseTradeEvent } from "@/lib/wire/parse-trade";

function malformed(event: unknown, reason: string, receivedAt: number): OpsMalformedEvent {
  // The event name comes from the socket at runtime, whatever the type says.
  const name = typeof event === "string" ? event.slice(0, 32) : "?";
  return { kind: "malformed", reason: `${name} event: ${reason}`, receivedAt };
}

/**
 * `heldItems` is the store's read-only lookup of the items it holds per trade id (heldItemsLookup in
 * lib/store/selectors.ts): the trade fast path reuses them when an event resends them unchanged.
 */
export function parseSocketEvent(event: string, payload: unknown, receivedAt: number, heldItems?: HeldItems): OpsEvent {
  if (event === "trade") {
    const parsed = parseTradeEvent(payload, heldItems);
    if (!parsed.ok) return malformed(event, parsed.reason, receivedAt);
    return { kind: "trade", trade: parsed.value, contract: parsed.flavor, unknownStatus: parsed.unknownStatus, receivedAt };
  }
  if (event === "deposit" || event === "withdrawal") {
    const parsed = parseFundingEvent(event, payload);
    if (!parsed.ok) return malformed(event, parsed.reason, receivedAt);
    return { kind: "funding", funding: parsed.value, unknownStatus: parsed.unknownStatus, receivedAt };
  }
  return malformed(event, "not an event this dashboard handles", receivedAt);
}
