// Which face the board page shows: the working board, or the wallboard for a TV (`?mode=wall`).
// Anything else in `mode` is ignored, like every other unknown board parameter.
export type BoardMode = "board" | "wall";

export function boardModeOf(query: URLSearchParams): BoardMode {
  return query.get("mode") === "wall" ? "wall" : "board";
}
