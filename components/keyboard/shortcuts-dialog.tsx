"use client";
// The `?` list: a modal dialog with a heading that lists SHORTCUTS (keymap.ts). The browser's
// <dialog> gives focus containment and Esc; closing returns focus where it was.
import { useModalDialog } from "@/components/ui/use-modal-dialog";
import { SHORTCUTS } from "./keymap";

interface ShortcutsDialogProps {
  open: boolean;
  onClose: () => void;
}

export function ShortcutsDialog({ open, onClose }: ShortcutsDialogProps) {
  const ref = useModalDialog(open);
  return (
    <dialog
      ref={ref}
      aria-labelledby="shortcuts-title"
      onClose={onClose}
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
      className="m-auto w-[min(26rem,calc(100vw-2rem))] rounded-lg border border-slate-700 bg-slate-900 p-0 text-slate-100 shadow-2xl shadow-black backdrop:bg-slate-950/60"
    >
      <div className="flex items-center justify-between border-b border-slate-800 px-4 py-3">
        <h2 id="shortcuts-title" className="text-sm font-semibold">
          Keyboard shortcuts
        </h2>
        <button
          type="button"
          onClick={onClose}
          className="rounded px-2 py-0.5 text-xs text-slate-300 hover:text-white focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
        >
          Close
        </button>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 px-4 py-3 text-sm">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.description} className="contents">
            <dt className="flex gap-1">
              {shortcut.keys.map((key, index) => (
                <span key={key} className="flex items-center gap-1">
                  {index > 0 ? <span className="text-xs text-slate-400">or</span> : null}
                  <kbd className="min-w-6 rounded border border-slate-600 bg-slate-800 px-1.5 py-0.5 text-center font-mono text-xs">{key}</kbd>
                </span>
              ))}
            </dt>
            <dd className="text-slate-200">{shortcut.description}</dd>
          </div>
        ))}
      </dl>
      <p className="border-t border-slate-800 px-4 py-2 text-xs text-slate-400">Shortcuts do nothing while you type in a field.</p>
    </dialog>
  );
}
