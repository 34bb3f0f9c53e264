// The words beside each chart: its text alternative (totals per game for the range, the commonest
// failure codes, the median wait for acceptance) and the game names. A canvas says nothing to a screen
// reader, so these carry the chart's content. Pure.
import { formatDuration } from "@/lib/trades/format";
import { type GameTrend, sumOf, type TrendCount } from "@/lib/trades/trends";

const COUNT = new Intl.NumberFormat("en-US");
const GAME_NAMES: Readonly<Record<string, string>> = { cs2: "CS2", rust: "Rust", other: "Other games" };

export const gameName = (game: string): string => GAME_NAMES[game] ?? game;

/** "CS2 12 · Rust 3": each game's total over the range. */
export function countTotalsText(games: readonly GameTrend[], measure: TrendCount): string {
  return games.map((game) => `${gameName(game.game)} ${COUNT.format(sumOf(game[measure]))}`).join(" · ");
}

/** The three commonest failure codes over the range, all games together ("" when none failed). */
export function topFailureCodesText(games: readonly GameTrend[], shown = 3): string {
  const totals = new Map<string, number>();
  for (const game of games) {
    for (const [code, series] of Object.entries(game.failedByCode)) totals.set(code, (totals.get(code) ?? 0) + sumOf(series));
  }
  const top = [...totals].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (top.length === 0) return "";
  const named = top.slice(0, shown).map(([code, n]) => `${code === "none" ? "no code" : code} ${COUNT.format(n)}`);
  const more = top.length - shown;
  return more > 0 ? `${named.join(", ")} and ${more} more ${more === 1 ? "code" : "codes"}` : named.join(", ");
}

/** "CS2 2 min · Rust none": each game's median from active to accepted over the range. */
export function medianText(games: readonly GameTrend[]): string {
  return games
    .map((game) => {
      const median = game.rangeMedianActiveToAcceptedMs;
      return `${gameName(game.game)} ${median === null ? "none accepted" : formatDuration(median)}`;
    })
    .join(" · ");
}
