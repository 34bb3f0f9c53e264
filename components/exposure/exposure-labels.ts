// Words for the Exposure region and its board filter: a release day as a person reads it, and what
// an Exposure view shows ("Reversals today by the user"), for the toolbar's active-filter chip. Pure.
import { type ExposureSelection, RELEASE_LATER, RELEASE_OVERDUE } from "@/lib/trades/exposure";
import type { GameFilter } from "@/lib/trades/trade-filter";

const DAY = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });

/** "Today", "Tomorrow", "Tue 8 Dec", "Overdue", "Later or no date". `days`: the window's days, today first. */
export function releaseLabel(release: string, days: readonly string[]): string {
  if (release === RELEASE_OVERDUE) return "Overdue";
  if (release === RELEASE_LATER) return "Later or no date";
  if (release === days[0]) return "Today";
  if (release === days[1]) return "Tomorrow";
  const [y, m, d] = release.split("-").map(Number);
  if (y === undefined || m === undefined || d === undefined) return release;
  return DAY.format(Date.UTC(y, m - 1, d));
}

const KIND_WORDS: Record<ExposureSelection["kind"], string> = {
  hold: "Deposits in hold",
  precredit: "Pre-credit at risk",
  "reversed-today": "Reversals today",
  "reversed-7d": "Reversals in 7 days",
};

/** "Reversals today by the supplier", "Deposits in hold · CS2 · releasing Tomorrow". */
export function exposureViewLabel(selection: ExposureSelection, game: GameFilter, days: readonly string[]): string {
  const parts = [KIND_WORDS[selection.kind]];
  if (game !== "all") parts.push(game === "cs2" ? "CS2" : "Rust");
  if (selection.release !== null) parts.push(`releasing ${releaseLabel(selection.release, days)}`);
  const text = parts.join(" · ");
  return selection.revertedBy === null ? text : `${text} by the ${selection.revertedBy}`;
}
