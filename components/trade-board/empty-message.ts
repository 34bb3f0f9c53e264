// What the table says when it has no rows, so an empty view reads as an answer ("nothing is stalled")
// rather than as a fault.
import { type BoardParams, hasActiveFilter } from "@/lib/trades/board-params";

export function emptyBoardMessage(params: BoardParams, tradesHeld: number): string | null {
  if (tradesHeld === 0) {
    return "No trades yet. The board fills as AssetPay reports trades; it keeps everything it sees while this page is open.";
  }
  if (!hasActiveFilter(params)) return null;
  const alone = (view: Partial<BoardParams>) => !hasActiveFilter({ ...params, ...view });
  if (params.attention && alone({ attention: false })) return "Nothing needs attention: every open alert is acknowledged or snoozed.";
  if (params.mine && alone({ mine: false })) return "No trades are assigned to you. Use Assign to me in a trade's detail to take one.";
  if (params.stalledOnly) {
    const onlyStalled = !hasActiveFilter({ ...params, stalledOnly: false });
    return onlyStalled
      ? "No stalled trades: every trade in flight is within its stall limits (see Stall rules)."
      : "No stalled trades match these filters. Use Clear filters above to see every trade the board holds.";
  }
  return "No trades match these filters. Use Clear filters above to see every trade the board holds.";
}
