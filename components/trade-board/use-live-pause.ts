"use client";
// Pausing the trade table. The store and the board's summary keep running (counts, alerts and feeds stay
// live); while any pause cause holds, the table shows the view frozen at the pause (lib/store/frozen-view)
// and counts the trades waiting, pass by pass, from the trades that changed. Releasing (or a new filter or sort, which is a new view) freezes afresh.
// Also tracks which rows just changed on screen, for the brief highlight (trade-row.tsx).
import { useCallback, useMemo, useRef, useState } from "react";
import type { StoredTrade } from "@/lib/store/state";
import { PendingUpdates, changedIdsSince, freezeView } from "@/lib/store/frozen-view";
import { useOpsStoreApi } from "@/lib/store/use-ops-store";
import { type BoardSummary, viewMembership } from "@/lib/trades/board-summary";
import { isPaused, pauseReason } from "./pause-causes";

/** How long a changed row stays highlighted. */
export const FLASH_MS = 1_500;
/** More changes than this on release is a bulk load (snapshot, resync), not news: nothing is highlighted. */
const MAX_FLASHED_ON_RELEASE = 1_000;
/**
 * Live, a pass with more changes than this is a feed too busy to read row by row: nothing is highlighted
 * (each highlight repaints its row every frame; the browser bench's default view at 1,000 events/s
 * had nearly every row in view flashing).
 */
const MAX_FLASHED_LIVE = 50;

export interface LivePause {
  /** The rows to show, in order: the frozen view's while paused, else the live summary's. */
  ids: readonly string[];
  /** The records rows show while paused; null while live. */
  frozenRecords: ReadonlyMap<string, StoredTrade> | null;
  /** Distinct trades that releasing would change on screen. */
  pending: number;
  explicit: boolean;
  /** What to say on screen; null while live. */
  reason: string | null;
  /** Trade id → performance.now() when its row last changed on screen (recent ones only). */
  flashes: ReadonlyMap<string, number>;
  togglePause: () => void;
  /** Shows what is waiting: ends the person's own pause, and refreshes a view held by automatic ones. */
  release: () => void;
  setPointerOn: (on: boolean) => void;
  setScrolled: (scrolled: boolean) => void;
}

/**
 * `summary` is the board's latest pass (its ids are the live rows); `viewKey` names the filter and sort:
 * a new one is a new view, shown at once even while paused.
 */
export function useLivePause(summary: BoardSummary, viewKey: string, drawerOpen: boolean): LivePause {
  const store = useOpsStoreApi();
  const liveIds = summary.ids;
  const [explicit, setExplicit] = useState(false);
  const [pointer, setPointerOn] = useState(false);
  const [scrolled, setScrolled] = useState(false);
  const [released, setReleased] = useState(0);
  const causes = { explicit, pointer, drawer: drawerOpen, scrolled };
  const paused = isPaused(causes);

  // Frozen from the summary of the render in which the pause began (or was released, or the view changed);
  // later summary passes must not refreeze it, so the summary is deliberately not a dependency.
  const held = useMemo(() => {
    if (!paused) return null;
    const trades = store.getState().trades;
    const view = freezeView(liveIds, trades);
    return { view, waiting: new PendingUpdates(view, { ids: liveIds, membership: viewMembership(summary) }, trades) };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [paused, viewKey, released, store]);
  const frozen = held?.view ?? null;
  // Every pass: the counter judges only the trades changed since the last one (lib/store/frozen-view).
  const pending = useMemo(
    () => (held ? held.waiting.count({ ids: summary.ids, membership: viewMembership(summary) }, store.getState().trades) : 0),
    [held, summary, store],
  );
  const ids = frozen?.ids ?? liveIds;

  // Whenever the rows shown are brought up to date (a live pass, a release), the trades changed since the
  // last time are the ones to highlight. Kept in a ref across renders: it is a cursor, not render state.
  const flashState = useRef<{ cursor: number | null; frozen: unknown; stamps: Map<string, number> }>({ cursor: null, frozen: null, stamps: new Map() });
  /* eslint-disable react-hooks/refs, react-hooks/purity -- the cursor and clock belong to this pass (see above) */
  const flashes = useMemo(() => {
    void ids;
    void frozen; // a release re-freezes: the rows shown were brought up to date even if their order did not move
    const trades = store.getState().trades;
    const state = flashState.current;
    const now = performance.now();
    // A pause beginning or ending (or a release) brings what waited; a live pass only the latest changes.
    const limit = state.frozen !== frozen ? MAX_FLASHED_ON_RELEASE : MAX_FLASHED_LIVE;
    state.frozen = frozen;
    if (state.cursor !== null) {
      const changed = changedIdsSince(trades, state.cursor, limit);
      if (changed) for (const id of changed) state.stamps.set(id, now);
    }
    state.cursor = trades.changeCursor;
    for (const [id, at] of state.stamps) if (now - at > FLASH_MS) state.stamps.delete(id);
    return new Map(state.stamps);
  }, [ids, frozen, store]);
  /* eslint-enable react-hooks/refs, react-hooks/purity */

  const release = useCallback(() => {
    setExplicit(false);
    setReleased((n) => n + 1);
  }, []);
  const togglePause = useCallback(() => (explicit ? release() : setExplicit(true)), [explicit, release]);

  return {
    ids,
    frozenRecords: frozen?.records ?? null,
    pending,
    explicit,
    reason: pauseReason(causes),
    flashes,
    togglePause,
    release,
    setPointerOn,
    setScrolled,
  };
}
