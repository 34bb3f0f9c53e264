// When a merchant funding counts as stuck: it waits on someone else (an AssetPay admin) for longer than
// the limit. One rule for the recorder's "funding-failed" alert (alert-rules.ts) and the Funding view's
// Stuck flag and filter, so the page never flags what the server would not alert, or the reverse.
// Pure: the clock and the limit come from the caller.
import { formatDuration } from "./format";
import type { Funding } from "./types";

/** ALERT_FUNDING_STUCK_SECONDS' default (lib/env). */
export const DEFAULT_FUNDING_STUCK_MS = 1_800_000;

/** Funding statuses that wait on an AssetPay admin (inferred, like every funding meaning). */
const FUNDING_WAITING = new Set<Funding["status"]>(["pending_admin"]);

export type FundingStuck = { stuck: false } | { stuck: true; waitedMs: number; limitMs: number; reason: string };

function toMs(iso: string | undefined): number | null {
  if (iso === undefined) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

/** Stuck when waiting on an admin beyond `limitMs`, timed from its last change (else its creation). */
export function assessFundingStuck(funding: Funding, nowMs: number, limitMs: number = DEFAULT_FUNDING_STUCK_MS): FundingStuck {
  if (!FUNDING_WAITING.has(funding.status)) return { stuck: false };
  const since = toMs(funding.updatedAt) ?? toMs(funding.createdAt);
  if (since === null) return { stuck: false };
  const waitedMs = nowMs - since;
  if (waitedMs <= limitMs) return { stuck: false };
  return { stuck: true, waitedMs, limitMs, reason: `awaiting admin for ${formatDuration(waitedMs)}, over the ${formatDuration(limitMs)} limit` };
}

/** What the row and the detail say: "Stuck: awaiting admin for 42 min, over the 30 min limit". */
export function stuckText(stuck: Extract<FundingStuck, { stuck: true }>): string {
  return `Stuck: ${stuck.reason}`;
}
