// Decides whether an in-flight trade has been in its status too long, and says why in plain words.
// Pure: limits are plain data passed in (another module reads env); time comes from the caller's clock.
// AssetPay documents no SLA, so every limit here is our heuristic (docs/assetpay-api.md#stall-signals). Terminal trades
// are never stalled.
import { formatDuration } from "./format";
import { isTerminalStatus } from "./status-classes";
import type { Trade } from "./types";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export interface StallLimits {
  /** Deposit offer not sent yet. */
  depositInitiatedMs: number;
  /** Deposit `pending` (spec-only: offer created, bot not confirmed). Inferred. */
  depositPendingMs: number;
  /** Withdraw waiting on the merchant's approval callback (AssetPay gives up after ~30 s). */
  withdrawInitiatedMs: number;
  /** Withdraw sourcing/purchasing. */
  withdrawPendingMs: number;
  /** Offer sent, user has not accepted (also stalled once past `autoCancelAt`). */
  activeMs: number;
  /** Hold/escrow: allowed overrun past `holdEndDate`, or total time in status when it is missing. */
  holdOverrunMs: number;
  /** A status we do not know: stalled after this so somebody checks it. */
  unknownMs: number;
}

export const DEFAULT_STALL_LIMITS: Readonly<StallLimits> = {
  depositInitiatedMs: 5 * MINUTE,
  depositPendingMs: 5 * MINUTE,
  withdrawInitiatedMs: 60 * SECOND,
  withdrawPendingMs: 20 * MINUTE,
  activeMs: 20 * MINUTE,
  holdOverrunMs: 6 * HOUR,
  unknownMs: 5 * MINUTE,
};

export interface StallAssessment {
  stalled: boolean;
  reason: string | null;
  /** Allowed time in status for this trade (after deadlines like autoCancelAt); null when no rule applies. */
  limitMs: number | null;
  /** How far past the limit; 0 when not stalled. */
  overByMs: number;
}

const NOT_STALLED: StallAssessment = Object.freeze({ stalled: false, reason: null, limitMs: null, overByMs: 0 });

function toMs(iso: string | null | undefined): number | null {
  if (iso == null) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

/** When the trade entered its current status: what the store saw, else activeAt (active), else updatedAt. */
export function enteredStatusMs(trade: Trade, enteredStatusAt: string | null | undefined): number | null {
  return (
    toMs(enteredStatusAt) ?? (trade.status === "active" ? toMs(trade.activeAt) : null) ?? toMs(trade.updatedAt)
  );
}

interface Rule {
  limitMs: number;
  describe: (elapsedMs: number) => string;
  /** The reason in a few words, for the board's stall column ("not accepted", "past auto-cancel"). */
  short: string;
}

function overLimit(status: string, limitMs: number, why: string, short: string): Rule {
  return {
    limitMs,
    short,
    describe: (elapsed) => `${status} ${formatDuration(elapsed)}, over the ${formatDuration(limitMs)} limit: ${why}`,
  };
}

/** A limit that also ends at an absolute deadline (autoCancelAt), whichever comes first. */
function withDeadline(status: string, limitMs: number, deadlineMs: number | null, enteredMs: number, why: string, short: string): Rule {
  if (deadlineMs === null || deadlineMs - enteredMs >= limitMs) return overLimit(status, limitMs, why, short);
  return {
    limitMs: deadlineMs - enteredMs,
    short: "past auto-cancel",
    describe: (elapsed) =>
      `${status} ${formatDuration(elapsed)}, ${formatDuration(enteredMs + elapsed - deadlineMs)} past its auto-cancel time: ${why}`,
  };
}

function holdRule(trade: Trade, enteredMs: number, limits: StallLimits): Rule {
  const status = trade.status;
  const holdEndMs = toMs(trade.holdEndDate);
  const why = "Steam protection should have ended and the trade completed";
  if (holdEndMs === null) {
    return {
      limitMs: limits.holdOverrunMs,
      short: "no hold end date",
      describe: (elapsed) =>
        `${status} ${formatDuration(elapsed)} with no hold end date, over the ${formatDuration(limits.holdOverrunMs)} limit: ${why}`,
    };
  }
  return {
    limitMs: holdEndMs + limits.holdOverrunMs - enteredMs,
    short: "hold overran",
    describe: (elapsed) =>
      `${status} ${formatDuration(elapsed)}, ${formatDuration(enteredMs + elapsed - holdEndMs)} past its hold end date ` +
      `(limit ${formatDuration(limits.holdOverrunMs)}): ${why}`,
  };
}

function ruleFor(trade: Trade, enteredMs: number, limits: StallLimits): Rule | null {
  const deposit = trade.type === "deposit";
  const autoCancelMs = toMs(trade.autoCancelAt);
  switch (trade.status) {
    case "initiated":
      return deposit
        ? overLimit("initiated", limits.depositInitiatedMs, "the deposit offer has not been sent to the user", "offer not sent")
        : overLimit("initiated", limits.withdrawInitiatedMs, "waiting on the merchant's own approval callback", "awaiting merchant approval");
    case "pending":
      return deposit
        ? overLimit("pending", limits.depositPendingMs, "the AssetPay bot has not confirmed the offer", "bot not confirmed")
        : withDeadline("pending", limits.withdrawPendingMs, autoCancelMs, enteredMs, "AssetPay is still sourcing the items", "items not sourced");
    case "active":
      return withDeadline("active", limits.activeMs, autoCancelMs, enteredMs, "the user has not accepted the offer", "not accepted");
    case "hold":
    case "escrow":
      return holdRule(trade, enteredMs, limits);
    case "unknown":
      return overLimit(
        `status "${trade.rawStatus}"`,
        limits.unknownMs,
        "this status is unknown to the dashboard; check the trade in AssetPay",
        "unknown status",
      );
    default:
      return null;
  }
}

export function assessStall(
  trade: Trade,
  enteredStatusAt: string | null | undefined,
  nowMs: number,
  limits: StallLimits = DEFAULT_STALL_LIMITS,
): StallAssessment {
  if (isTerminalStatus(trade.status)) return NOT_STALLED;
  const enteredMs = enteredStatusMs(trade, enteredStatusAt);
  if (enteredMs === null) return NOT_STALLED;
  const rule = ruleFor(trade, enteredMs, limits);
  if (!rule) return NOT_STALLED;
  const elapsed = Math.max(0, nowMs - enteredMs);
  if (elapsed <= rule.limitMs) return { stalled: false, reason: null, limitMs: rule.limitMs, overByMs: 0 };
  return { stalled: true, reason: rule.describe(elapsed), limitMs: rule.limitMs, overByMs: elapsed - rule.limitMs };
}

/** The stall reason in a few words for a trade that is stalled (see assessStall); null when no rule applies. */
export function shortStallReason(trade: Trade, enteredStatusAt: string | null | undefined, limits: StallLimits = DEFAULT_STALL_LIMITS): string | null {
  if (isTerminalStatus(trade.status)) return null;
  const enteredMs = enteredStatusMs(trade, enteredStatusAt);
  return enteredMs === null ? null : (ruleFor(trade, enteredMs, limits)?.short ?? null);
}
