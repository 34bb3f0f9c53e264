// Entry points for merchant funding payloads: socket `deposit`/`withdrawal` events (`{ funding }`)
// and ledger transaction rows used by resync. Never throws.
import { z } from "zod";
import type { Funding, FundingKind } from "@/lib/trades/types";
import { type ParseResult, fail, guarded, reasonFromZod } from "./parse-result";
import { type MappedFunding, toDomainFunding, toDomainLedgerFunding, wireFundingSchema, wireLedgerSchema } from "./funding-schema";

const fundingEventSchema = z.object({ funding: wireFundingSchema });

function success(mapped: MappedFunding): ParseResult<Funding> {
  // Funding has no legacy meaning drift, so it is always reported as the current contract.
  return { ok: true, value: mapped.funding, flavor: "current", unknownStatus: mapped.unknownStatus };
}

/** Socket `deposit` / `withdrawal` event payload: `{ funding }`. */
export function parseFundingEvent(kind: FundingKind, payload: unknown): ParseResult<Funding> {
  return guarded(() => {
    const parsed = fundingEventSchema.safeParse(payload);
    return parsed.success ? success(toDomainFunding(kind, parsed.data.funding)) : fail(reasonFromZod("", parsed.error));
  });
}

const LEDGER_KINDS = new Map<string, FundingKind>([
  ["DEPOSIT", "deposit"],
  ["WITHDRAWAL", "withdrawal"],
]);

/**
 * One item of GET /v1/ledger/transactions. REFUND / INTERNAL_TRANSFER / ADMIN_* rows are well-formed
 * but not shown in the funding feeds: they come back as `unsupported` failures, not as malformed ones.
 */
export function parseLedgerTransaction(payload: unknown): ParseResult<Funding> {
  return guarded(() => {
    const parsed = wireLedgerSchema.safeParse(payload);
    if (!parsed.success) return fail(reasonFromZod("ledger", parsed.error));
    const kind = LEDGER_KINDS.get(parsed.data.type);
    if (!kind) return { ...fail(`ledger.type: ${parsed.data.type} is not tracked`), unsupported: true };
    return success(toDomainLedgerFunding(kind, parsed.data));
  });
}
