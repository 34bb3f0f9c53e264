"use client";
// Derives everything the board shows from the store's trade Map (see lib/trades/board-summary), with
// the alerts views ("Needs attention", "Assigned to me") handed to the engine as a set of trade ids:
// recomputed only when the trades change (throttled), the filter or sort change, the stall limits
// change, or the coarse stall clock moves — never once per row, and never on the one-second tick.
import { useMemo, useRef } from "react";
import { chosenTradeIds, useAlertTradeIds } from "@/components/alerts/use-alert-trade-ids";
import { useExposureWindow } from "@/components/exposure/use-exposure-window";
import { selectTradesVersion } from "@/lib/store/selectors";
import { useOpsStore, useOpsStoreApi } from "@/lib/store/use-ops-store";
import { useThrottledOpsStore } from "@/lib/store/use-throttled-ops-store";
import type { BoardParams } from "@/lib/trades/board-params";
import { type BoardSummary, createBoardSummarizer } from "@/lib/trades/board-summary";
import type { TradeFilter } from "@/lib/trades/trade-filter";

/** How often stall verdicts (and the Stalled count) are refreshed when nothing else changes. */
export const STALL_RECHECK_MS = 5_000;
const MIN_WAIT_MS = 100;
const MAX_WAIT_MS = 2_000;
/** Wait this many times as long as the last pass took: the pass then uses at most ~1/6 of the main thread
 * (a pass is a few ms now that it is incremental; a new filter or sort still costs a full rebuild). */
const WAIT_FACTOR = 5;

export function useBoardSummary(params: BoardParams): BoardSummary {
  const store = useOpsStoreApi();
  // Adaptive: the slower a pass was, the longer before the next one.
  const waitMs = useRef(MIN_WAIT_MS);
  // The store's tradesVersion, at most once per waitMs: socket batches can land every frame, and even
  // an incremental pass (plus the re-render it causes) should not.
  const version = useThrottledOpsStore(selectTradesVersion, waitMs);
  const stallTick = useOpsStore((s) => Math.floor(s.now / STALL_RECHECK_MS));
  const limits = useOpsStore((s) => s.stallLimits);
  const summarize = useMemo(() => createBoardSummarizer(limits), [limits]);
  const { game, statuses, types, stalledOnly, search, sort, attention, mine, exposure } = params;
  // An Exposure figure's view counts "today" and release days in the board's time zone.
  const exposureWindow = useExposureWindow();
  const alertIds = useAlertTradeIds();
  const onlyIds = useMemo(() => chosenTradeIds(alertIds, attention, mine), [alertIds, attention, mine]);
  // statuses/types are fresh arrays per URL parse; their content is what matters.
  const statusesKey = statuses.join(",");
  const typesKey = types.join(",");
  const exposureKey = exposure === null ? "" : `${exposure.kind} ${exposure.release} ${exposure.revertedBy}`;
  const filter = useMemo<TradeFilter>(
    () => ({ game, statuses, types, stalledOnly, search, onlyIds, exposure, exposureWindow: exposure === null ? null : exposureWindow }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [game, statusesKey, typesKey, stalledOnly, search, onlyIds, exposureKey, exposureWindow],
  );
  // The pass is timed and the next wait set from it here, during render, on purpose: this memo is the
  // pass. The adaptive wait is a pacing hint read by the throttle, not state any render depends on.
  /* eslint-disable react-hooks/purity, react-hooks/refs */
  return useMemo(() => {
    void version;
    void stallTick;
    const started = performance.now();
    const state = store.getState();
    // The stall clock in STALL_RECHECK_MS steps, like `stallTick`: between two steps a pass judges
    // only the trades that changed, not every trade in flight.
    const summary = summarize(state.trades, stallTick * STALL_RECHECK_MS, filter, sort);
    const took = performance.now() - started;
    waitMs.current = Math.min(MAX_WAIT_MS, Math.max(MIN_WAIT_MS, took * WAIT_FACTOR));
    return summary;
  }, [store, version, stallTick, summarize, filter, sort]);
  /* eslint-enable react-hooks/purity, react-hooks/refs */
}
