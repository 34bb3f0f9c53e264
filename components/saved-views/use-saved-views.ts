"use client";
// The saved views this staff member sees (their own and the shared ones) and their default, read once
// when the board opens and again after each change made here. Changes made by others meanwhile show at
// the next reload or change: views change rarely, so no live channel for them.
import { useCallback, useEffect, useState } from "react";
import type { SavedViewList } from "@/lib/trades/saved-view";
import { fetchSavedViews } from "./saved-views-api";

export type SavedViewsState = { status: "loading" } | { status: "failed"; message: string } | ({ status: "ready" } & SavedViewList);

const stateOf = (answer: Awaited<ReturnType<typeof fetchSavedViews>>): SavedViewsState =>
  answer.ok ? { status: "ready", ...answer.value } : { status: "failed", message: answer.message };

export function useSavedViews(): { state: SavedViewsState; reload: () => Promise<void> } {
  const [state, setState] = useState<SavedViewsState>({ status: "loading" });
  const reload = useCallback(async () => setState(stateOf(await fetchSavedViews())), []);
  useEffect(() => {
    let live = true;
    void fetchSavedViews().then((answer) => {
      if (live) setState(stateOf(answer));
    });
    return () => {
      live = false;
    };
  }, []);
  return { state, reload };
}
