"use client";
// The page's detail drawer: a modal <dialog> on the right, named by its heading (DrawerHeader). The
// browser gives it focus containment and Escape; which item it shows lives in the URL, so Escape and a
// click on the backdrop ask the page to close it (onClose) and the dialog follows `open`.
import type { ReactNode } from "react";
import { useModalDialog } from "./use-modal-dialog";

interface SideDrawerProps {
  open: boolean;
  /** Id of the heading that names the drawer. */
  labelledBy: string;
  onClose: () => void;
  children: ReactNode;
}

export function SideDrawer({ open, labelledBy, onClose, children }: SideDrawerProps) {
  const ref = useModalDialog(open);
  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      onCancel={(event) => {
        // Escape: let the URL drive the closing so state and dialog never disagree.
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (event.target === event.currentTarget) onClose();
      }}
      className="fixed inset-y-0 right-0 left-auto m-0 h-dvh max-h-none w-[min(36rem,100vw)] max-w-none overflow-hidden border-l border-slate-700 bg-slate-900 p-0 text-slate-100 shadow-2xl shadow-black backdrop:bg-slate-950/60"
    >
      {children}
    </dialog>
  );
}

interface DrawerHeaderProps {
  /** The heading's id, the drawer's `labelledBy`. */
  id: string;
  title: string;
  /** What the Close button closes, for screen readers ("trade details"). */
  closes: string;
  onClose: () => void;
}

/** The drawer's heading and its Close button. */
export function DrawerHeader({ id, title, closes, onClose }: DrawerHeaderProps) {
  return (
    <div className="flex items-start justify-between gap-3 px-5 pt-4 pb-3">
      <h2 id={id} className="text-base font-semibold text-white">
        {title}
      </h2>
      <button
        type="button"
        onClick={onClose}
        className="rounded-md border border-slate-700 px-2 py-0.5 text-xs text-slate-300 hover:border-slate-500 hover:text-white focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
      >
        Close<span className="sr-only"> {closes}</span>
      </button>
    </div>
  );
}
