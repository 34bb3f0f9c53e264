// The Exposure region's figures and the board filter behind each one: what sits in Steam's protection
// window (deposits in `hold`, by release day and game), the pre-credit of instant deposits still in hold
// (what a reversal would cost), and the reversals today / over 7 days (count, value, by `revertedBy`).
// Pure and the only place these rules live: the figures (summarizeExposure) and the board's filter
// (matchesExposure, through ./trade-filter) read the same facts, so a figure's count is the number of
// rows its button shows. Days are calendar days in the board's time zone (lib/time/calendar-days.ts). Money is
// summed in cents. Never reads the clock or the store itself: the caller passes the window.
import type { TimeZoneChoice } from "@/lib/time/format-time";
import { DEFAULT_FUNDING_STUCK_MS, fundingAlertConditions } from "./alert-rules";
import { dayKey, dayStartMs } from "@/lib/time/calendar-days";
import { isTerminalFundingStatus } from "./funding-status";
import type { Funding, Game, Trade } from "./types";

export const EXPOSURE_KINDS = ["hold", "precredit", "reversed-today", "reversed-7d"] as const;
export type ExposureKind = (typeof EXPOSURE_KINDS)[number];

export const REVERSAL_CAUSES = ["user", "supplier"] as const;
export type ReversalCause = (typeof REVERSAL_CAUSES)[number];

/** How many calendar days the hold breakdown and the reversals window span, today included. */
export const EXPOSURE_DAYS = 7;

/** A hold's release day: a date "YYYY-MM-DD" in the next EXPOSURE_DAYS, or before today, or after / unknown. */
export const RELEASE_OVERDUE = "overdue";
export const RELEASE_LATER = "later";

/** One figure's trades, as the board filter expresses them (the game is the board's own Game filter). */
export interface ExposureSelection {
  kind: ExposureKind;
  /** hold / precredit only: one release day (a date, RELEASE_OVERDUE or RELEASE_LATER). */
  release: string | null;
  /** reversals only: one cause. */
  revertedBy: ReversalCause | null;
}

/** What the figures read of one trade version; worked out once per version (records are immutable). */
export interface ExposureFacts {
  game: Game;
  /** totalPrice in cents of a deposit in `hold` that AssetPay still knows; null otherwise. */
  holdCents: number | null;
  /** preCredit in cents of such a deposit when it is instant; null otherwise. */
  preCreditCents: number | null;
  /** holdEndDate (ms), when the trade is held and the date parses. */
  holdEndMs: number | null;
  /** AssetPay's updatedAt (ms) of a `reverted` trade: when it became reverted; null otherwise. */
  revertedAtMs: number | null;
  /** totalPrice in cents (what a reversal cost). */
  valueCents: number;
  /** `revertedBy` of a reverted trade; null when absent or not one of the documented two. */
  revertedBy: ReversalCause | null;
}

/** The calendar the figures are counted against: today's and the week's first midnight, in one zone. */
export interface ExposureWindow {
  zone: TimeZoneChoice;
  todayStartMs: number;
  /** Midnight starting the day EXPOSURE_DAYS - 1 days before today: "7 days" is today and the six before. */
  weekStartMs: number;
  /** Midnight after the last release day shown (today + EXPOSURE_DAYS). */
  releaseEndMs: number;
  /** The release days shown, today first ("YYYY-MM-DD"). */
  days: readonly string[];
}

export function exposureWindow(nowMs: number, zone: TimeZoneChoice): ExposureWindow {
  const days: string[] = [];
  for (let i = 0; i < EXPOSURE_DAYS; i += 1) days.push(dayKey(dayStartMs(nowMs, zone, i), zone));
  return {
    zone,
    todayStartMs: dayStartMs(nowMs, zone),
    weekStartMs: dayStartMs(nowMs, zone, -(EXPOSURE_DAYS - 1)),
    releaseEndMs: dayStartMs(nowMs, zone, EXPOSURE_DAYS),
    days,
  };
}

function cents(usd: number | undefined): number {
  return usd !== undefined && Number.isFinite(usd) ? Math.round(usd * 100) : 0;
}

function parseMs(iso: string | undefined): number | null {
  if (iso === undefined) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

/** `missing`: AssetPay no longer knows the trade; its hold is then not counted (as on the KPI strip). */
export function exposureFactsOf(trade: Trade, missing = false): ExposureFacts {
  const held = trade.type === "deposit" && trade.status === "hold" && !missing;
  const reverted = trade.status === "reverted";
  const by = trade.revertedBy?.toLowerCase();
  return {
    game: trade.game,
    holdCents: held ? cents(trade.totalPrice) : null,
    preCreditCents: held && trade.isInstant === true ? cents(trade.preCredit) : null,
    holdEndMs: held ? parseMs(trade.holdEndDate) : null,
    revertedAtMs: reverted ? parseMs(trade.updatedAt) : null,
    valueCents: cents(trade.totalPrice),
    revertedBy: reverted && (by === "user" || by === "supplier") ? by : null,
  };
}

/** The release day a hold counts under: its date in the window's zone, or before today / later or unknown. */
export function releaseBucket(holdEndMs: number | null, window: ExposureWindow): string {
  if (holdEndMs === null || holdEndMs >= window.releaseEndMs) return RELEASE_LATER;
  if (holdEndMs < window.todayStartMs) return RELEASE_OVERDUE;
  return dayKey(holdEndMs, window.zone);
}

/** Whether the trade is one of the figure's trades: the board filter's predicate. */
export function matchesExposure(facts: ExposureFacts, selection: ExposureSelection, window: ExposureWindow): boolean {
  switch (selection.kind) {
    case "hold":
    case "precredit": {
      const counted = selection.kind === "hold" ? facts.holdCents : facts.preCreditCents;
      return counted !== null && (selection.release === null || releaseBucket(facts.holdEndMs, window) === selection.release);
    }
    case "reversed-today":
    case "reversed-7d": {
      const since = selection.kind === "reversed-today" ? window.todayStartMs : window.weekStartMs;
      return (
        facts.revertedAtMs !== null &&
        facts.revertedAtMs >= since &&
        (selection.revertedBy === null || facts.revertedBy === selection.revertedBy)
      );
    }
  }
}

export interface MoneyCount {
  count: number;
  cents: number;
}

export interface ReversalFigures {
  all: MoneyCount;
  user: MoneyCount;
  supplier: MoneyCount;
  /** revertedBy absent or unrecognised. */
  unknown: MoneyCount;
}

export interface ReleaseRow {
  /** A date "YYYY-MM-DD", RELEASE_OVERDUE or RELEASE_LATER. */
  release: string;
  all: MoneyCount;
  cs2: MoneyCount;
  rust: MoneyCount;
}

export interface ExposureSummary {
  hold: MoneyCount;
  preCredit: MoneyCount;
  /** Overdue (only when any), each of the next EXPOSURE_DAYS days, later or unknown (only when any). */
  holdByRelease: ReleaseRow[];
  reversedToday: ReversalFigures;
  reversed7d: ReversalFigures;
}

const none = (): MoneyCount => ({ count: 0, cents: 0 });
const reversals = (): ReversalFigures => ({ all: none(), user: none(), supplier: none(), unknown: none() });

function add(to: MoneyCount, cents: number): void {
  to.count += 1;
  to.cents += cents;
}

export function summarizeExposure(trades: Iterable<ExposureFacts>, window: ExposureWindow): ExposureSummary {
  const rows = new Map<string, ReleaseRow>();
  const row = (release: string): ReleaseRow => {
    let r = rows.get(release);
    if (r === undefined) {
      r = { release, all: none(), cs2: none(), rust: none() };
      rows.set(release, r);
    }
    return r;
  };
  for (const day of window.days) row(day);
  const out: ExposureSummary = { hold: none(), preCredit: none(), holdByRelease: [], reversedToday: reversals(), reversed7d: reversals() };
  for (const f of trades) {
    if (f.holdCents !== null) {
      add(out.hold, f.holdCents);
      if (f.preCreditCents !== null) add(out.preCredit, f.preCreditCents);
      const r = row(releaseBucket(f.holdEndMs, window));
      add(r.all, f.holdCents);
      if (f.game === "cs2" || f.game === "rust") add(r[f.game], f.holdCents);
    }
    if (f.revertedAtMs !== null && f.revertedAtMs >= window.weekStartMs) {
      const cause = f.revertedBy ?? "unknown";
      add(out.reversed7d.all, f.valueCents);
      add(out.reversed7d[cause], f.valueCents);
      if (f.revertedAtMs >= window.todayStartMs) {
        add(out.reversedToday.all, f.valueCents);
        add(out.reversedToday[cause], f.valueCents);
      }
    }
  }
  const overdue = rows.get(RELEASE_OVERDUE);
  const later = rows.get(RELEASE_LATER);
  out.holdByRelease = [...(overdue ? [overdue] : []), ...window.days.map(row), ...(later ? [later] : [])];
  return out;
}

/**
 * Crypto withdrawals still waiting (awaiting approval or an AssetPay admin) beyond their limit: the
 * alert rule's own verdict (./alert-rules fundingAlertConditions), less the failed ones it also flags.
 */
export function countStuckWithdrawals(withdrawals: Iterable<Funding>, nowMs: number, stuckMs = DEFAULT_FUNDING_STUCK_MS): number {
  let n = 0;
  for (const f of withdrawals) {
    if (f.kind === "withdrawal" && !isTerminalFundingStatus(f.status) && fundingAlertConditions(f, nowMs, stuckMs).length > 0) n += 1;
  }
  return n;
}
