"use client";
// The Funding view's state (filters, open item), mirrored into the URL like the board's
// (components/trade-board/use-board-params.ts): owned in React state so a click renders at once, written
// with history.replaceState, and opening an item pushes an entry so Back closes the detail
// (history-entry.ts). A link to /funding with other params (an alert, a feed) re-reads the address.
import { useCallback, useEffect, useRef, useState } from "react";
import { historyStep } from "@/components/trade-board/history-entry";
import { type FundingParams, parseFundingParams, serializeFundingParams } from "@/lib/trades/funding-params";

export type UpdateFundingParams = (change: (current: FundingParams) => FundingParams) => void;

/** Marks the history entries this page pushed for an open item. */
const OPENED_ITEM_KEY = "opsOpenedFunding";

function pushedForItem(state: unknown): boolean {
  return typeof state === "object" && state !== null && OPENED_ITEM_KEY in state;
}

/** `initialQuery`: the page's query string as the server received it (so the first render matches). */
export function useFundingParams(initialQuery: string): [FundingParams, UpdateFundingParams] {
  const [params, setParams] = useState(() => parseFundingParams(new URLSearchParams(initialQuery)));
  const update = useCallback<UpdateFundingParams>((change) => setParams(change), []);
  const shownItem = useRef(params.item);
  const firstQuery = useRef(initialQuery);

  // A navigation to /funding with other params while this page is open (a link in the Alerts region).
  useEffect(() => {
    if (initialQuery === firstQuery.current) return;
    firstQuery.current = initialQuery;
    setParams(parseFundingParams(new URLSearchParams(initialQuery)));
  }, [initialQuery]);

  useEffect(() => {
    const query = serializeFundingParams(params);
    const url = `${window.location.pathname}${query ? `?${query}` : ""}`;
    const step = historyStep({ before: shownItem.current, after: params.item, onPushedEntry: pushedForItem(window.history.state) });
    shownItem.current = params.item;
    if (step === "back") {
      window.history.back();
      return;
    }
    if (url === `${window.location.pathname}${window.location.search}`) return;
    if (step === "push") window.history.pushState({ ...(window.history.state as object | null), [OPENED_ITEM_KEY]: params.item }, "", url);
    else window.history.replaceState(window.history.state, "", url);
  }, [params]);

  useEffect(() => {
    const onPopState = () => {
      const next = parseFundingParams(new URLSearchParams(window.location.search));
      shownItem.current = next.item;
      setParams(next);
    };
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, []);

  return [params, update];
}
