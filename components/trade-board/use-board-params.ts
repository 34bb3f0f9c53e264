"use client";
// The board's view state (filters, sort, open trade), mirrored into the URL (?game=rust&stalled=1&q=…)
// so a view can be shared, bookmarked and survives the reloads of an 8-hour shift. Parsing rules are in
// lib/trades/board-params.
//
// Why React state rather than reading useSearchParams on every change: Next.js applies URL changes
// as transitions, and the live store re-renders the page on every event batch with a higher priority,
// so under load a filter click read back from the URL could wait seconds. The state is owned here
// (a click renders at once) and only written to the URL, with history.replaceState (no server trip).
import { useCallback, useEffect, useState } from "react";
import { type BoardParams, parseBoardParams, serializeBoardParams } from "@/lib/trades/board-params";

export type UpdateBoardParams = (change: (current: BoardParams) => BoardParams) => void;

/** `initialQuery`: the page's query string as the server received it (so the first render matches). */
export function useBoardParams(initialQuery: string): [BoardParams, UpdateBoardParams] {
  const [params, setParams] = useState(() => parseBoardParams(new URLSearchParams(initialQuery)));
  const update = useCallback<UpdateBoardParams>((change) => setParams(change), []);
  useEffect(() => {
    const query = serializeBoardParams(params);
    const url = `${window.location.pathname}${query ? `?${query}` : ""}`;
    if (url !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(window.history.state, "", url);
  }, [params]);
  return [params, update];
}
