// The Funding view's state as it lives in the URL (/funding?kind=withdrawal&stuck=1&item=…): kind,
// statuses, chain, token, stuck only, search, and the open item. Parsed with zod in this one file, like
// board-params.ts: a hand-edited or outdated link degrades to "that part ignored", never to an error.
// Pure: works on URLSearchParams, no router.
import { z } from "zod";
import { FUNDING_STATUSES, type FundingKind, type FundingStatus } from "./types";

export interface FundingParams {
  /** null: deposits and withdrawals. */
  kind: FundingKind | null;
  statuses: readonly FundingStatus[];
  /** Chain code as the events name it (ETH, BSC, …), upper case; null: any. */
  chain: string | null;
  /** Token code (USDT, USDC, …), upper case; null: any. */
  token: string | null;
  stuckOnly: boolean;
  /** Matched against id, address and transaction hash. */
  search: string;
  /** Id of the item whose detail is open. */
  item: string | null;
}

export const DEFAULT_FUNDING_PARAMS: Readonly<FundingParams> = Object.freeze({
  kind: null,
  statuses: [],
  chain: null,
  token: null,
  stuckOnly: false,
  search: "",
  item: null,
});

const MAX_SEARCH = 200;
const code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,16}$/)
  .transform((value) => value.toUpperCase());

const statusList = z
  .string()
  .optional()
  .transform((value): FundingStatus[] => {
    if (!value) return [];
    const wanted = new Set(value.toLowerCase().split(","));
    return FUNDING_STATUSES.filter((s) => wanted.has(s));
  });

const schema = z.object({
  kind: z.enum(["deposit", "withdrawal"]).optional().catch(undefined),
  status: statusList.catch([]),
  chain: code.optional().catch(undefined),
  token: code.optional().catch(undefined),
  stuck: z.enum(["1", "true"]).optional().catch(undefined),
  q: z.string().optional().catch(undefined),
  item: z.string().regex(/^[\w.:-]{1,128}$/).optional().catch(undefined),
});

type ParamSource = URLSearchParams | { get(name: string): string | null };

export function parseFundingParams(source: ParamSource): FundingParams {
  const read = (name: string) => source.get(name) ?? undefined;
  const raw = schema.parse({
    kind: read("kind"),
    status: read("status"),
    chain: read("chain"),
    token: read("token"),
    stuck: read("stuck"),
    q: read("q"),
    item: read("item"),
  });
  return {
    kind: raw.kind ?? null,
    statuses: raw.status,
    chain: raw.chain ?? null,
    token: raw.token ?? null,
    stuckOnly: raw.stuck !== undefined,
    search: (raw.q ?? "").slice(0, MAX_SEARCH),
    item: raw.item ?? null,
  };
}

/** Canonical query string (without "?"); defaults are left out. */
export function serializeFundingParams(params: FundingParams): string {
  const out = new URLSearchParams();
  if (params.kind !== null) out.set("kind", params.kind);
  if (params.statuses.length > 0) out.set("status", FUNDING_STATUSES.filter((s) => params.statuses.includes(s)).join(","));
  if (params.chain !== null) out.set("chain", params.chain);
  if (params.token !== null) out.set("token", params.token);
  if (params.stuckOnly) out.set("stuck", "1");
  if (params.search !== "") out.set("q", params.search.slice(0, MAX_SEARCH));
  if (params.item !== null) out.set("item", params.item);
  return out.toString();
}

/** The Funding view's address for these params: what the board's feeds and the Alerts region link to. */
export function fundingHref(params: Partial<FundingParams>): string {
  const query = serializeFundingParams({ ...DEFAULT_FUNDING_PARAMS, ...params });
  return query ? `/funding?${query}` : "/funding";
}

/** True when any filter or search narrows the view (the open item does not count). */
export function hasFundingFilter(params: FundingParams): boolean {
  return (
    params.kind !== null ||
    params.statuses.length > 0 ||
    params.chain !== null ||
    params.token !== null ||
    params.stuckOnly ||
    params.search.trim() !== ""
  );
}
