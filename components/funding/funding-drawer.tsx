"use client";
// The funding detail drawer: a modal <dialog> on the right like the trade drawer, named by its heading.
// The browser gives it focus containment and Escape; the URL (`item=`) drives opening and closing.
import { useEffect, useRef } from "react";
import type { Funding } from "@/lib/trades/types";
import { FundingDetails } from "./funding-details";

interface FundingDrawerProps {
  id: string | null;
  funding: Funding | undefined;
  stuckReason: string | undefined;
  onClose: () => void;
}

export function FundingDrawer({ id, funding, stuckReason, onClose }: FundingDrawerProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (id !== null && !dialog.open) dialog.showModal();
    if (id === null && dialog.open) dialog.close();
  }, [id]);

  const header = (title: string) => (
    <div className="flex items-start justify-between gap-3 px-5 pt-4 pb-3">
      <h2 id="funding-drawer-title" className="text-base font-semibold text-white">
        {title}
      </h2>
      <button
        type="button"
        onClick={onClose}
        className="rounded-md border border-slate-700 px-2 py-0.5 text-xs text-slate-300 hover:border-slate-500 hover:text-white focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
      >
        Close<span className="sr-only"> funding details</span>
      </button>
    </div>
  );

  return (
    <dialog
      ref={ref}
      aria-labelledby="funding-drawer-title"
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
      {id === null ? null : funding ? (
        <FundingDetails funding={funding} stuckReason={stuckReason} header={header} />
      ) : (
        <div className="flex h-full flex-col">
          {header("Funding item not on this page")}
          <p className="px-5 text-sm text-slate-300">
            This page does not hold funding item <code className="break-all font-mono">{id}</code>: it was not recorded since the store&apos;s
            retention window, or it is still loading.
          </p>
        </div>
      )}
    </dialog>
  );
}
