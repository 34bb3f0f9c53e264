// The Funding view's one filtering and counting engine: which deposits and withdrawals match the URL's
// filters (funding-params.ts), newest first, and the count each filter control shows. A control's
// count is what the view would hold if it were chosen with the other filters kept (facet counts), so
// a count never lies about what a click shows. Stuck comes from the alert rule's own predicate
// (funding-stuck.ts). Pure: the clock and the limit come from the caller.
import { assessFundingStuck, stuckText } from "./funding-stuck";
import type { FundingParams } from "./funding-params";
import { FUNDING_STATUSES, type Funding, type FundingKind, type FundingStatus } from "./types";

export interface FundingSummary {
  /** Matching items, newest first. */
  rows: Funding[];
  /** Every held item stuck now (whatever the filters), by id, with what the row says about it. */
  stuck: ReadonlyMap<string, string>;
  kindCounts: Record<FundingKind, number>;
  statusCounts: Record<FundingStatus, number>;
  stuckCount: number;
  /** Chains and tokens seen, sorted, for the pickers. */
  chains: string[];
  tokens: string[];
  total: number;
}

type Facet = "kind" | "status" | "chain" | "token" | "stuck" | "search";

function createdMs(f: Funding): number {
  const ms = Date.parse(f.createdAt);
  return Number.isFinite(ms) ? ms : Number.NEGATIVE_INFINITY;
}

function searchHit(f: Funding, needle: string): boolean {
  if (needle === "") return true;
  return [f.id, f.address, f.txnHash].some((v) => v !== undefined && v.toLowerCase().includes(needle));
}

/** Every facet this item passes, against the params. */
function passes(f: Funding, params: FundingParams, stuck: boolean, needle: string): Record<Facet, boolean> {
  return {
    kind: params.kind === null || f.kind === params.kind,
    status: params.statuses.length === 0 || params.statuses.includes(f.status),
    chain: params.chain === null || f.chain?.toUpperCase() === params.chain,
    token: params.token === null || f.token?.toUpperCase() === params.token,
    stuck: !params.stuckOnly || stuck,
    search: searchHit(f, needle),
  };
}

/** True when every facet but `except` passes. */
function allBut(result: Record<Facet, boolean>, except: Facet | null): boolean {
  return (Object.keys(result) as Facet[]).every((facet) => facet === except || result[facet]);
}

export function summarizeFunding(
  held: Iterable<Funding>,
  params: FundingParams,
  nowMs: number,
  stuckLimitMs: number,
): FundingSummary {
  const needle = params.search.trim().toLowerCase();
  const rows: Funding[] = [];
  const stuckReasons = new Map<string, string>();
  const kindCounts: Record<FundingKind, number> = { deposit: 0, withdrawal: 0 };
  const statusCounts = Object.fromEntries(FUNDING_STATUSES.map((s) => [s, 0])) as Record<FundingStatus, number>;
  let stuckCount = 0;
  const chains = new Set<string>();
  const tokens = new Set<string>();
  let total = 0;
  for (const f of held) {
    total += 1;
    if (f.chain) chains.add(f.chain.toUpperCase());
    if (f.token) tokens.add(f.token.toUpperCase());
    const assessed = assessFundingStuck(f, nowMs, stuckLimitMs);
    const stuck = assessed.stuck;
    if (assessed.stuck) stuckReasons.set(f.id, stuckText(assessed));
    const result = passes(f, params, stuck, needle);
    if (allBut(result, null)) rows.push(f);
    if (allBut(result, "kind")) kindCounts[f.kind] += 1;
    if (allBut(result, "status")) statusCounts[f.status] += 1;
    if (stuck && allBut(result, "stuck")) stuckCount += 1;
  }
  rows.sort((a, b) => createdMs(b) - createdMs(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { rows, stuck: stuckReasons, kindCounts, statusCounts, stuckCount, chains: [...chains].sort(), tokens: [...tokens].sort(), total };
}

/** The held item with this id: of `preferKind` first (ids of the two kinds are separate namespaces). */
export function findFunding(
  deposits: ReadonlyMap<string, Funding>,
  withdrawals: ReadonlyMap<string, Funding>,
  id: string,
  preferKind: FundingKind | null,
): Funding | undefined {
  return preferKind === "withdrawal" ? (withdrawals.get(id) ?? deposits.get(id)) : (deposits.get(id) ?? withdrawals.get(id));
}
