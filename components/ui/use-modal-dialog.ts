"use client";
// A <dialog> that follows `open`: shown as a modal (the browser gives focus containment, Esc and a
// backdrop) while true, closed when false. Every modal on the page goes through this one hook.
import { useEffect, useRef, type RefObject } from "react";

export function useModalDialog(open: boolean): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return ref;
}
