// GET /v1/ledger/transactions: merchant crypto deposits and withdrawals, newest first, offset paging.
// Trade settlements are excluded and INITIATED rows older than 24 h hidden, as documented (see
// docs/assetpay-api.md).

import { z } from "zod";
import type { SimDeps } from "../deps";
import { WITHDRAWAL_FEE_USD } from "../engine/funding";
import { FUNDING_STATUSES, type Funding, type FundingKind } from "../engine/wire";
import { sendData } from "../envelope";
import type { Handler } from "./context";
import { parseOrFail, queryObject } from "./validation";

const upper = (value: unknown) => (typeof value === "string" ? value.toUpperCase() : value);
const isoDate = z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time" });

const ledgerQuery = z.object({
  type: z.preprocess(upper, z.enum(["DEPOSIT", "WITHDRAWAL"], "must be DEPOSIT or WITHDRAWAL")).optional(),
  status: z.preprocess(upper, z.enum(FUNDING_STATUSES, "must be a funding status")).optional(),
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  limit: z.coerce.number().int("must be an integer").min(1, "must be 1-100").max(100, "must be 1-100").default(50),
  offset: z.coerce.number().int("must be an integer").min(0, "must be 0 or more").default(0),
});

const DAY_MS = 86_400_000;

function ledgerItem(funding: Funding, kind: FundingKind) {
  return {
    id: funding.id,
    type: kind === "deposit" ? "DEPOSIT" : "WITHDRAWAL",
    status: funding.status,
    amount: {
      usd: Number(funding.amounts.usd),
      crypto: funding.amounts.token,
      token: funding.asset.token,
      chain: funding.asset.chain,
    },
    fee: kind === "withdrawal" ? WITHDRAWAL_FEE_USD[funding.asset.chain] : 0,
    address: funding.address,
    txnHash: funding.txnHash,
    timestamps: { created: funding.createdAt, completed: funding.completedAt, updated: funding.updatedAt },
  };
}

export function ledgerTransactions(deps: SimDeps): Handler {
  return (ctx) => {
    const q = parseOrFail(ledgerQuery, queryObject(ctx.url.searchParams));
    const start = q.startDate ? Date.parse(q.startDate) : -Infinity;
    const end = q.endDate ? Date.parse(q.endDate) : Infinity;
    const staleInitiated = deps.clock.now() - DAY_MS;
    const rows: Array<{ funding: Funding; kind: FundingKind }> = [];
    for (const row of deps.engine.allFundings()) {
      const { funding, kind } = row;
      const created = Date.parse(funding.createdAt);
      if (q.type && q.type !== (kind === "deposit" ? "DEPOSIT" : "WITHDRAWAL")) continue;
      if (q.status && funding.status !== q.status) continue;
      if (created < start || created > end) continue;
      if (funding.status === "INITIATED" && created < staleInitiated) continue;
      rows.push(row);
    }
    rows.sort((a, b) => (a.funding.createdAt < b.funding.createdAt ? 1 : a.funding.createdAt > b.funding.createdAt ? -1 : a.funding.id < b.funding.id ? 1 : -1));
    sendData(ctx.res, {
      items: rows.slice(q.offset, q.offset + q.limit).map((r) => ledgerItem(r.funding, r.kind)),
      pagination: {
        page: Math.floor(q.offset / q.limit) + 1,
        limit: q.limit,
        total: rows.length,
        totalPages: Math.ceil(rows.length / q.limit),
      },
    });
  };
}
