// The DOM order of the rendered trade rows, kept stable while the board re-sorts. Rows are positioned
// by transform, so their DOM order does not have to follow the sort. React reconciles a keyed list by
// moving DOM nodes, and moving one row to the top (the newest-activity sort does that on every change)
// moves every row above its old place: Blink then detaches and rebuilds those rows' layout (style,
// text shaping, layout); at 1,000 events/s a trace showed such a frame about every 100 ms
// (bench/RESULTS.md). With this order a re-sort changes only the rows' transforms. Screen readers get each row's place from aria-rowindex;
// keyboard moves follow the sort (trade-rows.tsx). Pure.

/**
 * `visible` (the rows to render, in sort order) in DOM order: the rows already rendered (`previous`)
 * keep their relative order, and rows new to the DOM follow them in sort order. Returns `previous`
 * itself when nothing changed.
 */
export function stableRenderOrder(previous: readonly string[], visible: readonly string[]): readonly string[] {
  const wanted = new Set(visible);
  const kept = previous.filter((id) => wanted.has(id));
  if (kept.length === visible.length) return kept.length === previous.length ? previous : kept;
  const rendered = new Set(kept);
  for (const id of visible) if (!rendered.has(id)) kept.push(id);
  return kept;
}
