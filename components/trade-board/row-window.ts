// Which rows of a fixed-height list are in (or near) the viewport: pure arithmetic, so the cost does not
// depend on how many rows there are. (A general virtualizer measured every one of 100,000 items again
// whenever the count changed, which under a busy feed is every summary pass: 10-20 ms each time.)

export interface RowWindow {
  /** First row to render. */
  first: number;
  /** One past the last row to render. */
  end: number;
}

export function rowWindow(o: { count: number; rowHeight: number; scrollTop: number; viewportHeight: number; overscan: number }): RowWindow {
  if (o.count <= 0 || o.rowHeight <= 0) return { first: 0, end: 0 };
  const top = Math.max(0, o.scrollTop);
  const firstVisible = Math.floor(top / o.rowHeight);
  const lastVisible = Math.ceil((top + Math.max(0, o.viewportHeight)) / o.rowHeight);
  const first = Math.min(o.count, Math.max(0, firstVisible - o.overscan));
  const end = Math.min(o.count, lastVisible + o.overscan);
  return { first: Math.min(first, end), end };
}

/** The scrollTop that brings row `index` into view with the least movement ("auto" alignment). */
export function scrollTopFor(index: number, o: { rowHeight: number; scrollTop: number; viewportHeight: number }): number {
  const rowTop = index * o.rowHeight;
  const rowBottom = rowTop + o.rowHeight;
  if (rowTop < o.scrollTop) return rowTop;
  if (rowBottom > o.scrollTop + o.viewportHeight) return rowBottom - o.viewportHeight;
  return o.scrollTop;
}

/**
 * Scroll anchoring to the row, not the pixel: the scrollTop that keeps the row at the top of the view
 * (`scrollTop` in `previous`) at the same offset in `next`. At the very top it stays at 0, so new rows
 * show up there; when the row left the list the pixel position stays.
 */
export function anchoredScrollTop(previous: readonly string[], next: readonly string[], scrollTop: number, rowHeight: number): number {
  if (scrollTop <= 0 || rowHeight <= 0 || previous === next) return scrollTop;
  const topIndex = Math.floor(scrollTop / rowHeight);
  const id = previous[topIndex];
  if (id === undefined) return scrollTop;
  const nextIndex = next.indexOf(id);
  if (nextIndex < 0) return scrollTop;
  return nextIndex * rowHeight + (scrollTop - topIndex * rowHeight);
}
