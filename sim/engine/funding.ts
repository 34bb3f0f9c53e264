// Merchant crypto funding (docs/assetpay-api.md#funding-object): deposits INITIATED→PENDING→COMPLETED (or EXPIRED/FAILED) and
// withdrawals INITIATED→PENDING_ADMIN→APPROVED→COMPLETED (or REJECTED/CANCELLED/FAILED).
// Odds and timings are guesses; tokens/chains kept to USDT/USDC on ETH, BSC, SOL, TRON.

import type { Rng } from "./prng";
import { HOUR, iso, MINUTE, scaled, SECOND } from "./time";
import type { Funding, FundingChain, FundingKind, FundingStatus, FundingToken } from "./wire";

const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
const CHAINS: Record<FundingToken, readonly FundingChain[]> = {
  USDT: ["ETH", "BSC", "SOL", "TRON"],
  USDC: ["ETH", "BSC", "SOL"],
};
/** Network fee charged on withdrawals, USD (ledger `fee`). */
export const WITHDRAWAL_FEE_USD: Record<FundingChain, number> = { ETH: 3.5, BSC: 0.3, SOL: 0.05, TRON: 1 };

function address(rng: Rng, chain: FundingChain): string {
  if (chain === "SOL") return rng.chars(BASE58, 44);
  if (chain === "TRON") return `T${rng.chars(BASE58, 33)}`;
  return `0x${rng.hex(40)}`;
}

function txnHash(rng: Rng, chain: FundingChain): string {
  if (chain === "SOL") return rng.chars(BASE58, 88);
  if (chain === "TRON") return rng.hex(64);
  return `0x${rng.hex(64)}`;
}

function usdAmount(rng: Rng, kind: FundingKind): number {
  // Treasury top-ups are often round numbers; the rest are arbitrary amounts.
  if (rng.chance(0.5)) return rng.pick(kind === "deposit" ? [1000, 2500, 5000, 10000, 20000] : [500, 1000, 2000, 5000]);
  return kind === "deposit" ? Math.round(rng.between(300, 25000) * 100) / 100 : Math.round(rng.between(150, 8000) * 100) / 100;
}

export function createFunding(rng: Rng, merchantId: string, kind: FundingKind, createdAtMs: number): Funding {
  const id = rng.uuid();
  const token: FundingToken = rng.chance(0.7) ? "USDT" : "USDC";
  const chain = rng.pick(CHAINS[token]);
  const rate = token === "USDT" ? rng.between(0.9993, 1.0004) : rng.between(0.9997, 1.0002);
  const usd = usdAmount(rng, kind);
  const createdAt = iso(createdAtMs);
  return {
    id,
    merchantId,
    status: "INITIATED",
    amounts: { usd: usd.toFixed(2), token: (usd / rate).toFixed(6) },
    asset: { token, chain, exchangeRateUsdPerToken: rate.toFixed(6) },
    address: address(rng, chain),
    txnHash: null,
    creditedUsd: "0.00",
    overpaymentUsd: null,
    createdAt,
    completedAt: null,
    updatedAt: createdAt,
  };
}

export interface FundingStep {
  status: FundingStatus;
  atMs: number;
}

export function planNextFundingStep(funding: Funding, kind: FundingKind, rng: Rng, speed: number): FundingStep | null {
  const since = Date.parse(funding.updatedAt);
  const within = (lo: number, hi: number) => since + scaled(rng.between(lo, hi), speed);
  const r = rng.next();
  if (kind === "deposit") {
    switch (funding.status) {
      case "INITIATED":
        return r < 0.12 ? { status: "EXPIRED", atMs: since + scaled(HOUR, speed) } : { status: "PENDING", atMs: within(MINUTE, 20 * MINUTE) };
      case "PENDING":
        return r < 0.03 ? { status: "FAILED", atMs: within(MINUTE, 10 * MINUTE) } : { status: "COMPLETED", atMs: within(MINUTE, 15 * MINUTE) };
      default:
        return null;
    }
  }
  switch (funding.status) {
    case "INITIATED":
      return r < 0.03 ? { status: "CANCELLED", atMs: within(10 * SECOND, MINUTE) } : { status: "PENDING_ADMIN", atMs: within(2 * SECOND, 20 * SECOND) };
    case "PENDING_ADMIN":
      if (r < 0.06) return { status: "REJECTED", atMs: within(5 * MINUTE, HOUR) };
      if (r < 0.08) return { status: "CANCELLED", atMs: within(2 * MINUTE, 30 * MINUTE) };
      return { status: "APPROVED", atMs: within(5 * MINUTE, HOUR) };
    case "APPROVED":
      return r < 0.02 ? { status: "FAILED", atMs: within(MINUTE, 10 * MINUTE) } : { status: "COMPLETED", atMs: within(2 * MINUTE, 20 * MINUTE) };
    default:
      return null;
  }
}

export function applyFundingStep(funding: Funding, kind: FundingKind, step: FundingStep, rng: Rng): Funding {
  const at = iso(step.atMs);
  const next: Funding = { ...funding, status: step.status, updatedAt: at };
  const chain = funding.asset.chain;
  // Deposits show the incoming transaction as soon as it is seen; withdrawals once broadcast.
  if (kind === "deposit" && (step.status === "PENDING" || step.status === "COMPLETED")) next.txnHash ??= txnHash(rng, chain);
  if (kind === "withdrawal" && step.status === "COMPLETED") next.txnHash ??= txnHash(rng, chain);
  if (step.status === "COMPLETED") {
    next.completedAt = at;
    if (kind === "deposit") {
      const usd = Number(funding.amounts.usd);
      const over = rng.chance(0.05) ? Math.round(rng.between(1, 50) * 100) / 100 : 0;
      next.creditedUsd = (usd + over).toFixed(2);
      next.overpaymentUsd = over > 0 ? over.toFixed(2) : null;
    }
  }
  return next;
}

/** Statuses a funding passes through to reach `target` (control API). */
export function fundingPathTo(kind: FundingKind, target: FundingStatus): FundingStatus[] {
  const paths: Record<FundingKind, Partial<Record<FundingStatus, FundingStatus[]>>> = {
    deposit: {
      INITIATED: ["INITIATED"],
      PENDING: ["INITIATED", "PENDING"],
      COMPLETED: ["INITIATED", "PENDING", "COMPLETED"],
      FAILED: ["INITIATED", "PENDING", "FAILED"],
      REFUNDED: ["INITIATED", "PENDING", "REFUNDED"],
      EXPIRED: ["INITIATED", "EXPIRED"],
    },
    withdrawal: {
      INITIATED: ["INITIATED"],
      PENDING_ADMIN: ["INITIATED", "PENDING_ADMIN"],
      APPROVED: ["INITIATED", "PENDING_ADMIN", "APPROVED"],
      COMPLETED: ["INITIATED", "PENDING_ADMIN", "APPROVED", "COMPLETED"],
      REJECTED: ["INITIATED", "PENDING_ADMIN", "REJECTED"],
      FAILED: ["INITIATED", "PENDING_ADMIN", "APPROVED", "FAILED"],
      CANCELLED: ["INITIATED", "CANCELLED"],
    },
  };
  return paths[kind][target] ?? ["INITIATED", target];
}
