// Which alerts a recorded trade or funding deserves, and how an alert's life goes: one alert per
// (subject, kind) and episode; an episode lasts while its condition holds (acknowledging it does not
// end it, so it is not raised again), and a condition that clears and comes back later is a new
// episode with a new alert. Pure: limits and the clock come from the caller; no I/O.
import type { AlertKind } from "./alert-types";
import { assessFundingStuck, DEFAULT_FUNDING_STUCK_MS } from "./funding-stuck";
import { assessStall, DEFAULT_STALL_LIMITS, type StallLimits } from "./stall-rules";
import type { Funding, Trade } from "./types";

export { DEFAULT_FUNDING_STUCK_MS };

/** Funding statuses that mean the money did not move (inferred, like every funding meaning). */
const FUNDING_FAILED = new Set<Funding["status"]>(["failed", "rejected", "expired"]);

export interface AlertCondition {
  kind: AlertKind;
  reason: string;
}

export interface TradeAlertInput {
  trade: Trade;
  /** When the trade entered its current status (the recorded history), else null. */
  enteredStatusAt: string | null;
  /** AssetPay answered TRADE_NOT_FOUND for it. */
  missing: boolean;
}

/** The trade alert kinds a rule may raise: a pass that evaluates a trade decides each of these. */
export const TRADE_ALERT_KINDS: readonly AlertKind[] = ["stalled", "failed", "reverted", "missing"];
export const FUNDING_ALERT_KINDS: readonly AlertKind[] = ["funding-failed"];

export function tradeAlertConditions(
  input: TradeAlertInput,
  nowMs: number,
  limits: StallLimits = DEFAULT_STALL_LIMITS,
): AlertCondition[] {
  const { trade } = input;
  if (input.missing) return [{ kind: "missing", reason: "AssetPay no longer knows this trade (TRADE_NOT_FOUND); check it with AssetPay" }];
  if (trade.status === "failed") {
    return [{ kind: "failed", reason: `Failed${trade.error ? ` (${trade.error})` : ""}` }];
  }
  if (trade.status === "reverted") {
    return [{ kind: "reverted", reason: `Reverted after acceptance${trade.revertedBy ? ` by ${trade.revertedBy}` : ""}` }];
  }
  const stall = assessStall(trade, input.enteredStatusAt, nowMs, limits);
  return stall.stalled && stall.reason ? [{ kind: "stalled", reason: stall.reason }] : [];
}

export function fundingAlertConditions(funding: Funding, nowMs: number, stuckMs: number = DEFAULT_FUNDING_STUCK_MS): AlertCondition[] {
  const what = funding.kind === "deposit" ? "Crypto deposit" : "Crypto withdrawal";
  if (FUNDING_FAILED.has(funding.status)) return [{ kind: "funding-failed", reason: `${what} ${funding.rawStatus}` }];
  const stuck = assessFundingStuck(funding, nowMs, stuckMs);
  return stuck.stuck ? [{ kind: "funding-failed", reason: `${what} ${stuck.reason}` }] : [];
}

/** The latest recorded episode of one (subject, kind). */
export interface AlertEpisode {
  episode: number;
  /** The condition held when last evaluated. */
  active: boolean;
}

export type AlertStep = { do: "raise"; episode: number } | { do: "clear" } | { do: "nothing" };

/**
 * What to do with one (subject, kind) given whether its condition holds now: raise a new episode when
 * it holds and no episode is running (first time, or it cleared since); end the running episode when
 * it no longer holds; otherwise nothing (an acknowledged alert stays acknowledged while it holds).
 */
export function nextAlertStep(latest: AlertEpisode | null, holds: boolean): AlertStep {
  if (holds) {
    if (latest === null) return { do: "raise", episode: 1 };
    return latest.active ? { do: "nothing" } : { do: "raise", episode: latest.episode + 1 };
  }
  return latest?.active ? { do: "clear" } : { do: "nothing" };
}

/** Deterministic, so every recorder raising the same episode names it the same. */
export function alertId(subject: string, kind: AlertKind, episode: number): string {
  return `${kind}:${subject}:${episode}`;
}

export function tradeSubject(tradeId: string): string {
  return `trade:${tradeId}`;
}

export function fundingSubject(funding: Pick<Funding, "kind" | "id">): string {
  return `funding:${funding.kind}:${funding.id}`;
}

/** Open: nobody acknowledged it. Snoozed alerts are open but quiet. */
export function isOpenAlert(alert: { acknowledgedAt: string | null }): boolean {
  return alert.acknowledgedAt === null;
}

/** Open and not snoozed right now: a snooze ends by itself at snoozedUntil. */
export function needsAttention(alert: { acknowledgedAt: string | null; snoozedUntil: string | null }, nowMs: number): boolean {
  if (!isOpenAlert(alert)) return false;
  const until = alert.snoozedUntil === null ? null : Date.parse(alert.snoozedUntil);
  return until === null || !Number.isFinite(until) || until <= nowMs;
}
