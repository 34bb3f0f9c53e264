"use client";
// The board's view state (filters, sort, open trade), mirrored into the URL (?game=rust&stalled=1&q=…)
// so a view can be shared, bookmarked and survives the reloads of an 8-hour shift. Parsing rules are in
// lib/trades/board-params.
//
// Why React state rather than reading useSearchParams on every change: Next.js applies URL changes
// as transitions, and the live store re-renders the page on every event batch with a higher priority,
// so under load a filter click read back from the URL could wait seconds. The state is owned here
// (a click renders at once) and only written to the URL, with history.replaceState (no server trip).
//
// Opening a trade is the one change that pushes a history entry (history-entry.ts), so the browser's
// Back closes the drawer instead of leaving the app; closing the drawer by hand steps back over that
// entry, so Forward does not reopen a trade the person closed.
import { useCallback, useEffect, useRef, useState } from "react";
import { type BoardParams, parseBoardParams, serializeBoardParams } from "@/lib/trades/board-params";
import { historyStep } from "./history-entry";

export type UpdateBoardParams = (change: (current: BoardParams) => BoardParams) => void;

/** Marks the history entries this page pushed for an open trade. */
const OPENED_TRADE_KEY = "opsOpenedTrade";

function pushedForTrade(state: unknown): boolean {
  return typeof state === "object" && state !== null && OPENED_TRADE_KEY in state;
}

/** `initialQuery`: the page's query string as the server received it (so the first render matches). */
export function useBoardParams(initialQuery: string): [BoardParams, UpdateBoardParams] {
  const [params, setParams] = useState(() => parseBoardParams(new URLSearchParams(initialQuery)));
  const update = useCallback<UpdateBoardParams>((change) => setParams(change), []);
  const shownTrade = useRef(params.trade);

  useEffect(() => {
    const query = serializeBoardParams(params);
    const url = `${window.location.pathname}${query ? `?${query}` : ""}`;
    const step = historyStep({ before: shownTrade.current, after: params.trade, onPushedEntry: pushedForTrade(window.history.state) });
    shownTrade.current = params.trade;
    if (step === "back") {
      // The popstate that follows re-reads the URL, which is this same view with the drawer closed.
      window.history.back();
      return;
    }
    if (url === `${window.location.pathname}${window.location.search}`) return;
    if (step === "push") window.history.pushState({ ...(window.history.state as object | null), [OPENED_TRADE_KEY]: params.trade }, "", url);
    else window.history.replaceState(window.history.state, "", url);
  }, [params]);

  useEffect(() => {
    const onPopState = () => {
      const next = parseBoardParams(new URLSearchParams(window.location.search));
      shownTrade.current = next.trade;
      setParams(next);
    };
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, []);

  return [params, update];
}
