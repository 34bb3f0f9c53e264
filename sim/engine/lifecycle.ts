// How a trade moves: which status comes next, after how long (simulated time), and what each status
// adds to the trade (offerID, holdEndDate, revertedBy, error ...). Transitions follow the documented lifecycle
// (docs/assetpay-api.md#trade-transitions); the odds and timings are our guesses at realistic traffic, not documented figures.

import type { Rng } from "./prng";
import { DAY, HOUR, iso, MINUTE, scaled, SECOND } from "./time";
import type { BotInfo, Trade, TradeError, TradeItem, TradeStatus } from "./wire";

export const CS2_HOLD_SIM_MS = 7 * DAY;
/** Deposit offer acceptance window before auto-cancel: NOT DOCUMENTED, 15 minutes is our guess. */
export const DEPOSIT_ACCEPT_WINDOW_SIM_MS = 15 * MINUTE;

export interface Step {
  status: TradeStatus;
  atMs: number;
  error?: TradeError;
  revertedBy?: "supplier" | "user";
}

const INITIATE_DEPOSIT_ERRORS: readonly TradeError[] = [
  "USER_INVENTORY_PRIVATE",
  "TRADE_URL_INVALID",
  "USER_TRADE_RESTRICTED",
  "USER_ESCROW",
  "USER_NOT_FOUND",
  "SERVICE_UNAVAILABLE",
];
const SOURCING_ERRORS: readonly TradeError[] = [
  "LISTING_UNAVAILABLE",
  "NO_LISTING_AT_PRICE",
  "PRICE_CHANGED",
  "PURCHASE_FAILED",
  "MARKET_UNAVAILABLE",
];

/** Item-level codes (docs/assetpay-api.md#failure-codes) also go on each item of a failed withdrawal. */
export const ITEM_LEVEL_ERRORS: ReadonlySet<TradeError> = new Set([
  "LISTING_UNAVAILABLE",
  "NO_LISTING_AT_PRICE",
  "PRICE_CHANGED",
  "TRADE_URL_INVALID",
  "STEAM_ACCOUNT_RESTRICTED",
  "BUYER_TRADE_RESTRICTED",
  "OFFER_NOT_ACCEPTED",
  "MARKET_UNAVAILABLE",
  "PURCHASE_FAILED",
]);

/**
 * The next step for `trade`, which entered its current status at `trade.updatedAt`, or null when
 * the trade is finished. Draws only from the trade's own stream, so outcomes do not depend on timing.
 */
export function planNextStep(trade: Trade, rng: Rng, speed: number): Step | null {
  const since = Date.parse(trade.updatedAt);
  const after = (simMs: number) => since + scaled(simMs, speed);
  const within = (lo: number, hi: number) => after(rng.between(lo, hi));
  const r = rng.next();
  const cs2 = trade.game === "730";

  if (trade.type === "deposit") {
    switch (trade.status) {
      case "initiated":
        if (r < 0.03) return { status: "failed", atMs: within(5 * SECOND, 40 * SECOND), error: rng.pick(INITIATE_DEPOSIT_ERRORS) };
        if (r < 0.05) return { status: "canceled", atMs: within(10 * SECOND, MINUTE) };
        return { status: "active", atMs: within(3 * SECOND, 45 * SECOND) };
      case "pending": // only reachable through the control API (spec lists it for deposits)
        return { status: "active", atMs: within(2 * SECOND, 20 * SECOND) };
      case "active":
        if (r < 0.07) return { status: "declined", atMs: within(20 * SECOND, 8 * MINUTE) };
        if (r < 0.085) return { status: "failed", atMs: within(10 * SECOND, 2 * MINUTE), error: "STEAM_ACCOUNT_RESTRICTED" };
        if (r < 0.1) return { status: "failed", atMs: after(DEPOSIT_ACCEPT_WINDOW_SIM_MS), error: "OFFER_NOT_ACCEPTED" };
        if (r < 0.13) return { status: "canceled", atMs: after(DEPOSIT_ACCEPT_WINDOW_SIM_MS) };
        return { status: cs2 ? "hold" : "completed", atMs: within(20 * SECOND, 10 * MINUTE) };
      case "hold":
        return holdOutcome(trade, rng, r, 0.02, since, speed);
      case "completed":
        return r < 0.01 ? { status: "reverted", atMs: within(HOUR, 3 * DAY), revertedBy: rng.pick(["user", "supplier"] as const) } : null;
      default:
        return null;
    }
  }

  switch (trade.status) {
    case "initiated":
      // Approval callback: 10 s per attempt, 3 failures → rejected (docs/assetpay-api.md#stall-signals).
      if (r < 0.03) return { status: "failed", atMs: within(SECOND, 10 * SECOND), error: "MERCHANT_REJECTED" };
      if (r < 0.045) return { status: "failed", atMs: after(30 * SECOND), error: "APPROVAL_TIMEOUT" };
      return { status: "pending", atMs: within(SECOND, 8 * SECOND) };
    case "pending":
      if (r < 0.06) return { status: "failed", atMs: within(10 * SECOND, 5 * MINUTE), error: rng.pick(SOURCING_ERRORS) };
      if (cs2 && r < 0.08 && trade.autoCancelAt) return { status: "canceled", atMs: Date.parse(trade.autoCancelAt) };
      // Item cancel is allowed once the item is 30 min old; the refund shows as `reverted`.
      if (cs2 && r < 0.09) return { status: "reverted", atMs: Date.parse(trade.createdAt) + scaled(rng.between(30, 45) * MINUTE, speed), revertedBy: "user" };
      return { status: "active", atMs: within(20 * SECOND, 15 * MINUTE) };
    case "active":
      if (r < 0.05) return { status: "declined", atMs: within(MINUTE, 15 * MINUTE) };
      if (r < 0.07) return { status: "failed", atMs: within(5 * MINUTE, 20 * MINUTE), error: rng.pick(["OFFER_NOT_ACCEPTED", "BUYER_TRADE_RESTRICTED"] as const) };
      return { status: cs2 ? "hold" : "completed", atMs: within(30 * SECOND, 20 * MINUTE) };
    case "hold":
      return holdOutcome(trade, rng, r, 0.015, since, speed);
    case "completed":
      return r < 0.003 ? { status: "reverted", atMs: within(HOUR, 2 * DAY), revertedBy: "supplier" } : null;
    default:
      return null;
  }
}

function holdOutcome(trade: Trade, rng: Rng, r: number, revertOdds: number, since: number, speed: number): Step {
  const end = trade.holdEndDate ? Date.parse(trade.holdEndDate) : since + scaled(CS2_HOLD_SIM_MS, speed);
  if (r < revertOdds) {
    return {
      status: "reverted",
      atMs: since + rng.between(0.05, 0.95) * (end - since),
      revertedBy: trade.type === "deposit" ? rng.pick(["user", "supplier"] as const) : "supplier",
    };
  }
  return { status: "completed", atMs: end + scaled(rng.between(0, MINUTE), speed) };
}

export interface ApplyContext {
  speed: number;
  bots: readonly BotInfo[];
  /** Full withdraw items, swapped in for the id/price stubs when sourcing starts. */
  fullItems?: readonly TradeItem[];
}

/** The trade after entering `step.status` at `step.atMs`. Returns a new object; versions are immutable. */
export function applyStep(trade: Trade, step: Step, rng: Rng, ctx: ApplyContext): Trade {
  const at = iso(step.atMs);
  const next: Trade = { ...trade, status: step.status, updatedAt: at };
  const withdraw = trade.type === "withdraw";

  if (withdraw && step.status !== "initiated" && ctx.fullItems && !trade.items[0]?.name) {
    next.items = ctx.fullItems.map((item) => ({ ...item }));
  }
  if (step.status === "active" || step.status === "hold" || (step.status === "completed" && !trade.activeAt)) {
    next.offerID ??= rng.digits(10);
    next.activeAt ??= at;
    next.botInfo ??= rng.pick(ctx.bots);
  }
  if (step.status === "hold") {
    next.holdEndDate ??= iso(step.atMs + scaled(CS2_HOLD_SIM_MS, ctx.speed));
  }
  if (step.status === "reverted") next.revertedBy = step.revertedBy ?? trade.revertedBy ?? "supplier";
  if (step.status === "failed") next.error = step.error ?? trade.error ?? "SERVICE_UNAVAILABLE";

  const delivered = step.status === "hold" || step.status === "completed";
  const accepted = delivered || step.status === "reverted";
  if (withdraw || accepted) {
    next.items = next.items.map((item) => {
      const updated: TradeItem = { ...item, offer: { ...item.offer, accepted: accepted || item.offer.accepted } };
      if (withdraw) updated.status = step.status;
      // Withdraw items get a Steam assetid only once delivered (docs/assetpay-api.md#trade-items).
      if (withdraw && delivered && item.name && !item.assetId) updated.assetId = rng.digits(11);
      if (withdraw && step.status === "failed" && next.error && ITEM_LEVEL_ERRORS.has(next.error)) updated.error = next.error;
      return updated;
    });
  }
  return next;
}

/** Statuses a trade passes through to reach `target` (used to build control-API trades with history). */
export function pathTo(target: TradeStatus, type: Trade["type"], game: Trade["game"]): TradeStatus[] {
  const cs2 = game === "730";
  const head: TradeStatus[] = type === "withdraw" ? ["initiated", "pending", "active"] : ["initiated", "active"];
  const settled: TradeStatus[] = cs2 ? [...head, "hold", "completed"] : [...head, "completed"];
  switch (target) {
    case "initiated":
      return ["initiated"];
    case "pending":
      return ["initiated", "pending"];
    case "active":
      return head;
    case "hold":
      return [...head, "hold"];
    case "completed":
      return settled;
    case "declined":
      return [...head, "declined"];
    case "canceled":
      return type === "withdraw" ? ["initiated", "pending", "canceled"] : ["initiated", "active", "canceled"];
    case "failed":
      return type === "withdraw" ? ["initiated", "failed"] : ["initiated", "active", "failed"];
    case "reverted":
      return cs2 ? [...head, "hold", "reverted"] : [...settled, "reverted"];
  }
}
