// Reducer for a batch of socket events the parsing edge (lib/live/parse-socket-event.ts) has already
// turned into typed events: count every one in Diagnostics (malformed ones included, with their reason),
// then apply trades and funding with the newer-only rules in one state update. Pure over typed input:
// it never parses, and never sees a raw payload.
import type { ContractFlavor, Funding, Trade } from "@/lib/trades/types";
import { recordEvents } from "./diagnostics";
import { applyFundingEvents } from "./funding-reducers";
import type { OpsState } from "./state";
import { applyTradeEvents } from "./trade-reducers";

interface Received {
  /** Our clock (ms) when the socket delivered it. */
  receivedAt: number;
}

export interface OpsTradeEvent extends Received {
  kind: "trade";
  trade: Trade;
  /** Which AssetPay contract the payload looked like (Diagnostics shows which one is live). */
  contract: ContractFlavor;
  /** The raw status when it was not recognised (the trade then has status "unknown"), else null. */
  unknownStatus: string | null;
}

export interface OpsFundingEvent extends Received {
  kind: "funding";
  funding: Funding;
  unknownStatus: string | null;
}

/** An event the edge refused: it still counts as received, and as malformed with this reason. */
export interface OpsMalformedEvent extends Received {
  kind: "malformed";
  /** Short and safe to show, e.g. "trade event: trade.id: expected string". */
  reason: string;
}

export type OpsEvent = OpsTradeEvent | OpsFundingEvent | OpsMalformedEvent;

export function ingestEvents(state: OpsState, events: readonly OpsEvent[]): OpsState {
  if (events.length === 0) return state;
  const trades: Trade[] = [];
  const funding: Funding[] = [];
  const malformedReasons: string[] = [];
  const unknownStatuses: string[] = [];
  const receivedAt: number[] = [];
  let legacy = 0;
  let current = 0;
  let observedAt = state.now;
  for (const event of events) {
    const at = Number.isFinite(event.receivedAt) ? event.receivedAt : state.now;
    receivedAt.push(at);
    observedAt = receivedAt.length === 1 ? at : Math.max(observedAt, at);
    if (event.kind === "trade") {
      trades.push(event.trade);
      if (event.unknownStatus !== null) unknownStatuses.push(event.unknownStatus);
      if (event.contract === "legacy") legacy += 1;
      else current += 1;
    } else if (event.kind === "funding") {
      funding.push(event.funding);
      if (event.unknownStatus !== null) unknownStatuses.push(event.unknownStatus);
    } else {
      malformedReasons.push(event.reason);
    }
  }
  const counted: OpsState = {
    ...state,
    diagnostics: recordEvents(state.diagnostics, {
      received: events.length,
      malformedReasons,
      unknownStatuses,
      legacy,
      current,
      receivedAt,
    }),
  };
  return applyFundingEvents(applyTradeEvents(counted, trades, observedAt), funding);
}
