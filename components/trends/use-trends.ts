"use client";
// The trends of one range as React state, from the tab's shared poller (./trends-feed).
import { useCallback, useSyncExternalStore } from "react";
import type { TrendRange } from "@/lib/trades/trends";
import { subscribeTrends, type TrendsState, trendsState } from "./trends-feed";

const NOTHING_YET: TrendsState = { answer: null, error: null };

export function useTrends(range: TrendRange): TrendsState {
  const subscribe = useCallback((onChange: () => void) => subscribeTrends(range, onChange), [range]);
  const current = useCallback(() => trendsState(range), [range]);
  return useSyncExternalStore(subscribe, current, () => NOTHING_YET);
}
