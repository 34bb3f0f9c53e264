"use client";
// The virtualized body of the trade table: only the rows in view (plus a few) are in the DOM, so
// 100,000 trades cost the same to render as 30. Keyboard: one row is in the tab order; arrows,
// Page Up/Down, Home and End move between rows; Enter opens the trade.
import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { ROW_HEIGHT } from "./columns";
import { TradeRow } from "./trade-row";

interface TradeRowsProps {
  ids: readonly string[];
  onOpen: (id: string) => void;
  scrollRef: RefObject<HTMLDivElement | null>;
}

function rowElement(container: HTMLElement | null, id: string): HTMLElement | null {
  return container?.querySelector<HTMLElement>(`[role="row"][data-trade-id="${CSS.escape(id)}"]`) ?? null;
}

export function TradeRows({ ids, onOpen, scrollRef }: TradeRowsProps) {
  const [activeId, setActiveId] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const idsRef = useRef(ids);
  idsRef.current = ids;

  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Rows have one fixed height, so the virtualizer's own keys can stay positional: keyed by id it
    // would re-measure every item whenever the order changes. React still keys rows by trade id.
  });
  const items = virtualizer.getVirtualItems();

  // Focus a row once it has been rendered after a keyboard move scrolled it into view.
  useEffect(() => {
    if (focusId === null) return;
    const element = rowElement(scrollRef.current, focusId);
    if (element) {
      element.focus({ preventScroll: true });
      setFocusId(null);
    }
  });

  const onFocusRow = useCallback((id: string) => setActiveId(id), []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const list = idsRef.current;
    if (list.length === 0 || activeId === null) return;
    const current = Math.max(0, list.indexOf(activeId));
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: current + 1, ArrowUp: current - 1, PageDown: current + page, PageUp: current - page, Home: 0, End: list.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const index = Math.min(list.length - 1, Math.max(0, target));
    const id = list[index];
    if (id === undefined) return;
    virtualizer.scrollToIndex(index, { align: "auto" });
    setActiveId(id);
    setFocusId(id);
  };

  const renderedIds = items.map((item) => ids[item.index]);
  const tabStop = activeId !== null && renderedIds.includes(activeId) ? activeId : (renderedIds[0] ?? null);

  return (
    <div role="presentation" className="relative w-full" style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown}>
      {items.map((item) => {
        const id = ids[item.index];
        if (id === undefined) return null;
        return <TradeRow key={id} id={id} index={item.index} start={item.start} focusable={id === tabStop} onOpen={onOpen} onFocusRow={onFocusRow} />;
      })}
    </div>
  );
}
