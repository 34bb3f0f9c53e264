"use client";
// The virtualized body of the trade table: only the rows in view (plus a few) are in the DOM, so
// 100,000 trades cost the same to render as 30. Rows are positioned by transform and kept in a stable
// DOM order while the board re-sorts (stable-order.ts). Keyboard: one row is in the tab order; arrows,
// Page Up/Down, Home and End move between rows in sort order; Enter opens the trade; Space pauses.
// When the list changes while scrolled down, the row at the top of the view stays put (anchoredScrollTop).
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { ROW_HEIGHT } from "./columns";
import { anchoredScrollTop, rowWindow, scrollTopFor } from "./row-window";
import { stableRenderOrder } from "./stable-order";
import { TradeRow } from "./trade-row";

const OVERSCAN = 12;

/** The scroll container's scrollTop and height, re-read on scroll (once per frame) and on resize. */
function useViewport(scrollRef: RefObject<HTMLDivElement | null>): { scrollTop: number; height: number } {
  const [viewport, setViewport] = useState({ scrollTop: 0, height: 0 });
  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    let frame: number | null = null;
    const read = () => {
      frame = null;
      setViewport((prev) =>
        prev.scrollTop === element.scrollTop && prev.height === element.clientHeight ? prev : { scrollTop: element.scrollTop, height: element.clientHeight },
      );
    };
    const onScroll = () => {
      frame ??= requestAnimationFrame(read);
    };
    read();
    element.addEventListener("scroll", onScroll, { passive: true });
    const resize = new ResizeObserver(() => read());
    resize.observe(element);
    return () => {
      element.removeEventListener("scroll", onScroll);
      resize.disconnect();
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [scrollRef]);
  return viewport;
}

interface TradeRowsProps {
  ids: readonly string[];
  onOpen: (id: string) => void;
  scrollRef: RefObject<HTMLDivElement | null>;
  flashes: ReadonlyMap<string, number>;
  /** Told whether the view is scrolled away from the top (an automatic pause). */
  onScrolled: (scrolled: boolean) => void;
  onTogglePause: () => void;
}

function rowElement(container: HTMLElement | null, id: string): HTMLElement | null {
  return container?.querySelector<HTMLElement>(`[role="row"][data-trade-id="${CSS.escape(id)}"]`) ?? null;
}

export function TradeRows({ ids, onOpen, scrollRef, flashes, onScrolled, onTogglePause }: TradeRowsProps) {
  const [activeId, setActiveId] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);

  // Rows have one fixed height, so which are in view is arithmetic on scrollTop.
  const viewport = useViewport(scrollRef);
  const scrolled = viewport.scrollTop > 0;
  useEffect(() => onScrolled(scrolled), [onScrolled, scrolled]);

  // Before paint, so the rows never show at the old pixel position: keep the top row where it was.
  // At the top of the list (the live default) there is nothing to anchor, and the scroll position
  // already tracked says so: reading element.scrollTop there would force a layout of the new rows
  // right after every commit, ten times a second on a busy board (see bench/RESULTS.md, issue 22).
  const shownIds = useRef(ids);
  const atTop = viewport.scrollTop <= 0;
  useLayoutEffect(() => {
    const element = scrollRef.current;
    const previous = shownIds.current;
    shownIds.current = ids;
    if (!element || previous === ids || atTop) return;
    const top = anchoredScrollTop(previous, ids, element.scrollTop, ROW_HEIGHT);
    if (top !== element.scrollTop) element.scrollTop = top;
  }, [ids, scrollRef, atTop]);

  const { first, end } = rowWindow({ count: ids.length, rowHeight: ROW_HEIGHT, scrollTop: viewport.scrollTop, viewportHeight: viewport.height, overscan: OVERSCAN });
  const indexOf = new Map<string, number>();
  for (let index = first; index < end; index += 1) {
    const id = ids[index];
    if (id !== undefined) indexOf.set(id, index);
  }
  const renderedIds = [...indexOf.keys()];
  // A render React repeats or throws away leaves an order that is still a valid hint: the function is
  // idempotent and any order renders correctly.
  const domOrder = useRef<readonly string[]>([]);
  // eslint-disable-next-line react-hooks/refs -- the previous DOM order is a hint carried between renders (see above)
  const order = (domOrder.current = stableRenderOrder(domOrder.current, renderedIds));

  // Focus a row once it has been rendered after a keyboard move scrolled it into view.
  useEffect(() => {
    if (focusId === null) return;
    const element = rowElement(scrollRef.current, focusId);
    if (element) {
      element.focus({ preventScroll: true });
      setFocusId(null);
    }
    // Re-checked whenever the rendered window changes: the row appears only once the scroll has been read.
  }, [focusId, scrollRef, first, end, ids]);

  const onFocusRow = useCallback((id: string) => setActiveId(id), []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === " ") {
      event.preventDefault();
      onTogglePause();
      return;
    }
    const list = ids;
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
    const element = scrollRef.current;
    if (element) element.scrollTop = scrollTopFor(index, { rowHeight: ROW_HEIGHT, scrollTop: element.scrollTop, viewportHeight: element.clientHeight });
    setActiveId(id);
    setFocusId(id);
  };

  const tabStop = activeId !== null && indexOf.has(activeId) ? activeId : (renderedIds[0] ?? null);

  return (
    <div role="presentation" className="relative w-full" style={{ height: ids.length * ROW_HEIGHT }} onKeyDown={onKeyDown}>
      {order.map((id) => {
        const index = indexOf.get(id);
        if (index === undefined) return null;
        return <TradeRow key={id} id={id} index={index} start={index * ROW_HEIGHT} focusable={id === tabStop} flashAt={flashes.get(id)} onOpen={onOpen} onFocusRow={onFocusRow} />;
      })}
    </div>
  );
}
