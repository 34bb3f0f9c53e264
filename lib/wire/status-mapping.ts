// Maps wire status strings to domain statuses, by MEANING across the two AssetPay contracts.
// Lowercase = current GG/spec contract; anything with capitals = legacy CO contract, whose PENDING
// and ACTIVE mean different things (docs/assetpay-api.md#trade-statuses). Never map legacy PENDING/ACTIVE by name.
// Lookups use Map, never plain objects, so "constructor"/"__proto__" statuses cannot hit prototypes.
import type { ContractFlavor, FundingStatus, TradeStatus } from "@/lib/trades/types";
import { FUNDING_STATUSES } from "@/lib/trades/types";

const CURRENT = new Map<string, TradeStatus>([
  ["initiated", "initiated"],
  ["pending", "pending"],
  ["active", "active"],
  ["hold", "hold"],
  ["completed", "completed"],
  ["canceled", "canceled"],
  // Crypto flows spell it "cancelled" (docs/assetpay-api.md#trade-statuses); accept the drift on trades too.
  ["cancelled", "canceled"],
  ["declined", "declined"],
  ["failed", "failed"],
  ["reverted", "reverted"],
  // Not in the GG set, but the same words our domain uses for the legacy-only states.
  ["escrow", "escrow"],
  ["partial", "partial"],
]);

const LEGACY = new Map<string, TradeStatus>([
  ["INITIATED", "initiated"],
  // Legacy PENDING = offer sent, awaiting the user ≈ current `active`.
  ["PENDING", "active"],
  // Legacy ACTIVE = accepted, transfer in progress ≈ current `hold`.
  ["ACTIVE", "hold"],
  ["ESCROW", "escrow"],
  ["HOLD", "hold"],
  ["COMPLETED", "completed"],
  ["CANCELED", "canceled"],
  ["CANCELLED", "canceled"],
  ["DECLINED", "declined"],
  ["FAILED", "failed"],
  ["REVERTED", "reverted"],
  ["PARTIAL", "partial"],
]);

export interface MappedTradeStatus {
  status: TradeStatus;
  flavor: ContractFlavor;
  known: boolean;
}

// Results for exact-match known statuses, built once: the hot path (every socket event) allocates nothing.
function frozenResults(map: Map<string, TradeStatus>, flavor: ContractFlavor): Map<string, MappedTradeStatus> {
  return new Map([...map].map(([raw, status]) => [raw, Object.freeze({ status, flavor, known: true })]));
}
const CURRENT_RESULTS = frozenResults(CURRENT, "current");
const LEGACY_RESULTS = frozenResults(LEGACY, "legacy");

/** Mixed case ("Pending") is treated as legacy: only the CO contract ever capitalised statuses. */
export function mapTradeStatus(raw: string): MappedTradeStatus {
  const exact = CURRENT_RESULTS.get(raw) ?? LEGACY_RESULTS.get(raw);
  if (exact) return exact;
  const isLowercase = raw === raw.toLowerCase();
  const flavor: ContractFlavor = isLowercase ? "current" : "legacy";
  const status = isLowercase ? CURRENT.get(raw) : LEGACY.get(raw.toUpperCase());
  return status ? { status, flavor, known: true } : { status: "unknown", flavor, known: false };
}

const FUNDING = new Map<string, FundingStatus>(
  FUNDING_STATUSES.filter((s) => s !== "unknown").map((s) => [s, s]),
);

/** Funding statuses are UPPERCASE in the spec; there is no meaning drift, so only the case changes. */
export function mapFundingStatus(raw: string): { status: FundingStatus; known: boolean } {
  const status = FUNDING.get(raw.toLowerCase());
  return status ? { status, known: true } : { status: "unknown", known: false };
}
