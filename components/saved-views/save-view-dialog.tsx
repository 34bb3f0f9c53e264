"use client";
// **Save view**: a button opening a small modal dialog that stores the board's current filters and sort
// under a name, personal or (for roles that may share) shared with the team. The browser's <dialog>
// gives focus containment and Esc; closing returns focus to the button. A refusal (a name already in
// use: 409) stays in the dialog in words.
import { type FormEvent, useId, useState } from "react";
import { useModalDialog } from "@/components/ui/use-modal-dialog";
import { useCan } from "@/components/staff/staff-context";
import { MAX_VIEW_NAME, type SavedView } from "@/lib/trades/saved-view";
import { saveView } from "./saved-views-api";

interface SaveViewDialogProps {
  /** The board's canonical query now (lib/trades/saved-view.ts canonicalViewQuery). */
  query: string;
  onSaved: (view: SavedView) => void;
}

export function SaveViewDialog({ query, onSaved }: SaveViewDialogProps) {
  const mayShare = useCan("share-views");
  const [open, setOpen] = useState(false);
  const ref = useModalDialog(open);
  const [name, setName] = useState("");
  const [shared, setShared] = useState(false);
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const ids = useId();

  const start = () => {
    setName("");
    setShared(false);
    setState({ busy: false, error: null });
    setOpen(true);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setState({ busy: true, error: null });
    const answer = await saveView(name, shared && mayShare, query);
    if (!answer.ok) {
      setState({ busy: false, error: answer.message });
      return;
    }
    setState({ busy: false, error: null });
    setOpen(false);
    onSaved(answer.value);
  };

  return (
    <>
      <button
        type="button"
        onClick={start}
        className="inline-flex h-7 items-center rounded-md border border-slate-700 px-2 text-xs text-slate-300 hover:border-slate-500 hover:text-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
      >
        Save view
      </button>
      <dialog
        ref={ref}
        aria-labelledby={`${ids}-title`}
        onClose={() => setOpen(false)}
        className="m-auto w-[min(24rem,calc(100vw-2rem))] rounded-lg border border-slate-700 bg-slate-900 p-0 text-slate-100 shadow-2xl shadow-black backdrop:bg-slate-950/60"
      >
        <form onSubmit={(event) => void onSubmit(event)} className="flex flex-col gap-3 p-4">
          <h2 id={`${ids}-title`} className="text-sm font-semibold">
            Save view
          </h2>
          <p className="text-xs text-slate-400">Saves the current filters and sort. Open it later from Views.</p>
          <label className="flex flex-col gap-1 text-xs text-slate-300">
            Name
            <input
              type="text"
              required
              maxLength={MAX_VIEW_NAME}
              value={name}
              onChange={(event) => setName(event.target.value)}
              autoComplete="off"
              className="h-8 rounded-md border border-slate-600 bg-slate-950 px-2 text-sm text-slate-100 placeholder:text-slate-500 focus:border-sky-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
            />
          </label>
          {mayShare ? (
            <label className="flex items-center gap-2 text-xs text-slate-300">
              <input type="checkbox" checked={shared} onChange={(event) => setShared(event.target.checked)} className="h-4 w-4 accent-sky-500" />
              Share with the team
            </label>
          ) : null}
          {state.error ? (
            <p role="alert" className="text-xs text-rose-300">
              {state.error}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <button
              type="button"
              onClick={() => setOpen(false)}
              className="rounded-md px-3 py-1 text-xs text-slate-300 hover:text-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
            >
              Cancel
            </button>
            <button
              type="submit"
              disabled={state.busy}
              className="rounded-md border border-sky-600 bg-sky-900/60 px-3 py-1 text-xs font-medium text-sky-100 hover:bg-sky-800/60 disabled:opacity-60 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
            >
              Save
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
