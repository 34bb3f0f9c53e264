"use client";
// The trade detail drawer: a modal <dialog> on the right, named by its heading. The browser gives it
// focus containment and Escape; closing hands focus back to the row that opened it (see onClosed).
import { useEffect, useRef } from "react";
import { TradeDetails } from "./trade-details";

interface TradeDrawerProps {
  id: string | null;
  onClose: () => void;
}

export function TradeDrawer({ id, onClose }: TradeDrawerProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (id !== null && !dialog.open) dialog.showModal();
    if (id === null && dialog.open) dialog.close();
  }, [id]);
  return (
    <dialog
      ref={ref}
      aria-labelledby="trade-drawer-title"
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
      {id !== null ? <TradeDetails id={id} onClose={onClose} /> : null}
    </dialog>
  );
}
