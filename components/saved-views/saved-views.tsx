"use client";
// The board toolbar's saved views: which saved view is open (the board's query is one's), **Save view**
// and **Views**. Opening a view replaces the board's filters and sort, and the URL with them (the board's
// own params hook writes it), so the address stays the shareable form. Opening a bare /board applies the
// staff member's default view once, when the list first answers, unless they changed the view meanwhile.
import { memo, useEffect, useRef } from "react";
import { useStaff } from "@/components/staff/staff-context";
import { type BoardParams, parseBoardParams, serializeBoardParams } from "@/lib/trades/board-params";
import { openViewOf, type SavedView } from "@/lib/trades/saved-view";
import type { UpdateBoardParams } from "@/components/trade-board/use-board-params";
import { SaveViewDialog } from "./save-view-dialog";
import { chooseDefaultView, deleteView } from "./saved-views-api";
import { useSavedViews } from "./use-saved-views";
import { ViewsMenu } from "./views-menu";

interface SavedViewsProps {
  params: BoardParams;
  update: UpdateBoardParams;
}

/** Memoized: the toolbar re-renders with every live batch (its counts), the views only when the params change. */
export const SavedViews = memo(function SavedViews({ params, update }: SavedViewsProps) {
  const me = useStaff()?.email ?? "";
  const { state, reload } = useSavedViews();
  const query = serializeBoardParams({ ...params, trade: null });
  const openView = state.status === "ready" ? openViewOf(state.views, query, me) : null;

  // The open trade stays open: closing it here would step back in history over the view just opened.
  const openSaved = (view: SavedView) => update((current) => ({ ...parseBoardParams(new URLSearchParams(view.query)), trade: current.trade }));

  const defaultChecked = useRef(false);
  useEffect(() => {
    if (defaultChecked.current || state.status === "loading") return;
    defaultChecked.current = true;
    if (state.status !== "ready" || state.defaultViewId === null) return;
    // Only a bare /board: a link with filters (or a change made while the list loaded) wins.
    if (window.location.search !== "") return;
    const chosen = state.views.find((view) => view.id === state.defaultViewId);
    if (chosen) update((current) => ({ ...parseBoardParams(new URLSearchParams(chosen.query)), trade: current.trade }));
  }, [state, update]);

  return (
    <div className="flex items-center gap-2">
      {openView ? (
        <span className="max-w-48 truncate text-xs text-slate-300" title={openView.name}>
          View: <strong className="font-medium text-slate-100">{openView.name}</strong>
        </span>
      ) : null}
      <SaveViewDialog query={query} onSaved={() => void reload()} />
      <ViewsMenu
        state={state}
        me={me}
        openViewId={openView?.id ?? null}
        onOpen={openSaved}
        onMakeDefault={async (view) => {
          const answer = await chooseDefaultView(view?.id ?? null);
          await reload();
          return answer.ok ? null : answer.message;
        }}
        onDelete={async (view) => {
          const answer = await deleteView(view.id);
          await reload();
          return answer.ok ? null : answer.message;
        }}
      />
    </div>
  );
});
