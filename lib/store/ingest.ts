// Reducer for a batch of raw socket events: parse each at the edge (lib/wire), count what was wrong,
// then apply trades and funding with the newer-only rules in one state update.
// Never throws and never lets an unparsed payload reach the state.
import type { Funding, Trade } from "@/lib/trades/types";
import { parseFundingEvent } from "@/lib/wire/parse-funding";
import { type HeldItems, parseTradeEvent } from "@/lib/wire/parse-trade";
import type { ParseResult } from "@/lib/wire/parse-result";
import type { SocketEventName } from "@/lib/wire/socket-events";
import { recordEvents } from "./diagnostics";
import { applyFundingEvents } from "./funding-reducers";
import type { OpsState } from "./state";
import { applyTradeEvents } from "./trade-reducers";

export interface RawOpsEvent {
  event: SocketEventName;
  payload: unknown;
  /** Our clock (ms) when the socket delivered it. */
  receivedAt: number;
}

interface Accumulator {
  trades: Trade[];
  funding: Funding[];
  malformedReasons: string[];
  unknownStatuses: string[];
  legacy: number;
  current: number;
}

/** Records a parse outcome; returns the value only when it may enter the state. */
function accept<T>(acc: Accumulator, name: string, parsed: ParseResult<T>): T | null {
  if (!parsed.ok) {
    acc.malformedReasons.push(`${name} event: ${parsed.reason}`);
    return null;
  }
  if (parsed.unknownStatus !== null) acc.unknownStatuses.push(parsed.unknownStatus);
  return parsed.value;
}

function collect(acc: Accumulator, raw: RawOpsEvent, heldItems: HeldItems): void {
  // The event name comes from the socket at runtime, whatever the type says.
  const name: string = typeof raw.event === "string" ? raw.event.slice(0, 32) : "?";
  if (raw.event === "trade") {
    const parsed = parseTradeEvent(raw.payload, heldItems);
    const trade = accept(acc, name, parsed);
    if (trade === null || !parsed.ok) return;
    acc.trades.push(trade);
    if (parsed.flavor === "legacy") acc.legacy += 1;
    else acc.current += 1;
  } else if (raw.event === "deposit" || raw.event === "withdrawal") {
    const funding = accept(acc, name, parseFundingEvent(raw.event, raw.payload));
    if (funding !== null) acc.funding.push(funding);
  } else {
    acc.malformedReasons.push(`${name} event: not an event this dashboard handles`);
  }
}

export function ingestEvents(state: OpsState, events: readonly RawOpsEvent[]): OpsState {
  if (events.length === 0) return state;
  const acc: Accumulator = { trades: [], funding: [], malformedReasons: [], unknownStatuses: [], legacy: 0, current: 0 };
  const receivedAt: number[] = [];
  let observedAt = state.now;
  const heldItems: HeldItems = (id) => state.trades.get(id)?.trade.items;
  for (const raw of events) {
    const at = Number.isFinite(raw.receivedAt) ? raw.receivedAt : state.now;
    receivedAt.push(at);
    observedAt = receivedAt.length === 1 ? at : Math.max(observedAt, at);
    collect(acc, raw, heldItems);
  }
  const counted: OpsState = {
    ...state,
    diagnostics: recordEvents(state.diagnostics, {
      received: events.length,
      malformedReasons: acc.malformedReasons,
      unknownStatuses: acc.unknownStatuses,
      legacy: acc.legacy,
      current: acc.current,
      receivedAt,
    }),
  };
  return applyFundingEvents(applyTradeEvents(counted, acc.trades, observedAt), acc.funding);
}
