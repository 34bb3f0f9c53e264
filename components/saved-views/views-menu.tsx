"use client";
// **Views**: a popover listing My views and Shared views (by others). Each view is a link to
// `/board?<query>` (so it can be opened in a new tab or copied); a plain click opens it in place. Beside
// each: Make default / Clear default, and Delete where the role allows (own views; an admin also
// deletes others' shared views), asked once more before it goes (a shared view goes for everyone). A popover (the browser's top layer, like Stall rules) because the
// toolbar clips what overflows it; the browser closes it on Esc or a click elsewhere and returns focus.
import { type MouseEvent, type SyntheticEvent, useId, useRef, useState } from "react";
import { useCan } from "@/components/staff/staff-context";
import type { SavedView } from "@/lib/trades/saved-view";
import { Badge } from "@/components/ui/badge";
import type { SavedViewsState } from "./use-saved-views";

interface ViewsMenuProps {
  state: SavedViewsState;
  me: string;
  openViewId: string | null;
  onOpen: (view: SavedView) => void;
  onMakeDefault: (view: SavedView | null) => Promise<string | null>;
  onDelete: (view: SavedView) => Promise<string | null>;
}

const PANEL_WIDTH = 320;
/** Gap kept between the popover and the window's edges. */
const EDGE = 8;

const BUTTON_SHAPE = "rounded px-1.5 py-0.5 text-xs hover:bg-slate-800 disabled:opacity-60 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400";
const SMALL_BUTTON = `${BUTTON_SHAPE} text-slate-300 hover:text-slate-100`;
const DANGER_BUTTON = `${BUTTON_SHAPE} font-medium text-rose-300 hover:text-rose-200`;

export function ViewsMenu({ state, me, openViewId, onOpen, onMakeDefault, onDelete }: ViewsMenuProps) {
  const mayDeleteShared = useCan("delete-shared-views");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The view whose Delete was pressed once: it asks before deleting. */
  const [confirming, setConfirming] = useState<string | null>(null);
  /** Where the popover sits: under the button, right edges aligned, inside the window (top layer, positioned fixed). */
  const [place, setPlace] = useState({ top: 0, right: 0, width: PANEL_WIDTH });
  const panel = useRef<HTMLDivElement>(null);
  const ids = useId();

  const placeUnder = (event: MouseEvent<HTMLButtonElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const width = Math.min(PANEL_WIDTH, window.innerWidth - 2 * EDGE);
    const right = Math.max(EDGE, Math.min(window.innerWidth - rect.right, window.innerWidth - width - EDGE));
    setPlace({ top: rect.bottom + 4, right, width });
  };

  const onToggle = (event: SyntheticEvent<HTMLDivElement>) => {
    if ((event.nativeEvent as ToggleEvent).newState !== "closed") return;
    setError(null);
    setConfirming(null);
  };

  const act = async (work: () => Promise<string | null>) => {
    setBusy(true);
    setError(await work());
    setBusy(false);
  };

  const open = (event: MouseEvent, view: SavedView) => {
    // Modified clicks (new tab, new window) go to the link itself.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    panel.current?.hidePopover();
    onOpen(view);
  };

  const ready = state.status === "ready" ? state : null;
  const mine = ready?.views.filter((v) => v.owner === me) ?? [];
  const others = ready?.views.filter((v) => v.owner !== me) ?? [];

  const item = (view: SavedView) => {
    const isDefault = ready?.defaultViewId === view.id;
    const mayDelete = view.owner === me || (view.shared && mayDeleteShared);
    return (
      <li key={view.id} className="flex flex-wrap items-center gap-x-2 gap-y-1 border-t border-slate-800 py-1.5 first:border-t-0">
        <a
          href={view.query ? `/board?${view.query}` : "/board"}
          onClick={(event) => open(event, view)}
          aria-current={view.id === openViewId ? "true" : undefined}
          className="min-w-0 flex-1 truncate text-sm text-sky-300 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
        >
          {view.name}
        </a>
        {view.shared && view.owner === me ? <Badge tone="info">Shared</Badge> : null}
        {isDefault ? <Badge tone="success">Default</Badge> : null}
        {view.owner !== me ? <span className="w-full truncate text-xs text-slate-400">by {view.owner}</span> : null}
        <span className="flex gap-1">
          <button type="button" disabled={busy} className={SMALL_BUTTON} onClick={() => void act(() => onMakeDefault(isDefault ? null : view))}>
            {isDefault ? "Clear default" : "Make default"}
          </button>
          {mayDelete && confirming !== view.id ? (
            <button type="button" disabled={busy} className={SMALL_BUTTON} onClick={() => setConfirming(view.id)}>
              Delete
            </button>
          ) : null}
        </span>
        {mayDelete && confirming === view.id ? (
          <span role="group" aria-label={`Delete ${view.name}?`} className="flex w-full flex-wrap items-center gap-1 text-xs text-slate-300">
            {view.shared ? "Delete for everyone?" : "Delete this view?"}
            <button
              type="button"
              disabled={busy}
              className={DANGER_BUTTON}
              onClick={() => {
                setConfirming(null);
                void act(() => onDelete(view));
              }}
            >
              Yes, delete
            </button>
            {/* Focus lands here, where the pressed Delete was: the safe answer. */}
            <button type="button" autoFocus className={SMALL_BUTTON} onClick={() => setConfirming(null)}>
              Keep
            </button>
          </span>
        ) : null}
      </li>
    );
  };

  return (
    <>
      <button
        type="button"
        popoverTarget={`${ids}-panel`}
        onClick={placeUnder}
        className="inline-flex h-7 items-center rounded-md border border-slate-700 px-2 text-xs text-slate-300 hover:border-slate-500 hover:text-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
      >
        Views
      </button>
      <div
        ref={panel}
        id={`${ids}-panel`}
        popover="auto"
        role="dialog"
        aria-label="Views"
        onToggle={onToggle}
        className="m-0 max-h-[70vh] overflow-y-auto rounded-lg border border-slate-700 bg-slate-900 p-3 text-slate-200 shadow-2xl shadow-black/60"
        style={{ inset: "auto", position: "fixed", top: place.top, right: place.right, width: place.width }}
      >
        {state.status === "loading" ? <p className="text-xs text-slate-400">Loading views…</p> : null}
        {state.status === "failed" ? (
          <p role="alert" className="text-xs text-rose-300">
            {state.message}
          </p>
        ) : null}
        {ready ? (
          <>
            <h2 id={`${ids}-mine`} className="text-xs font-semibold uppercase tracking-wide text-slate-400">
              My views
            </h2>
            {mine.length > 0 ? (
              <ul aria-labelledby={`${ids}-mine`} className="mb-2">
                {mine.map(item)}
              </ul>
            ) : (
              <p className="mb-2 text-xs text-slate-400">None yet: filter the board, then Save view.</p>
            )}
            <h2 id={`${ids}-shared`} className="text-xs font-semibold uppercase tracking-wide text-slate-400">
              Shared views
            </h2>
            {others.length > 0 ? (
              <ul aria-labelledby={`${ids}-shared`}>{others.map(item)}</ul>
            ) : (
              <p className="text-xs text-slate-400">No one else has shared a view.</p>
            )}
          </>
        ) : null}
        {error ? (
          <p role="alert" className="mt-2 text-xs text-rose-300">
            {error}
          </p>
        ) : null}
      </div>
    </>
  );
}
