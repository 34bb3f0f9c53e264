// Zod schemas for merchant funding: the socket `deposit`/`withdrawal` object (docs/assetpay-api.md#funding-object) and
// ledger transaction rows from GET /v1/ledger/transactions (docs/assetpay-api.md#rest), both mapped to the domain `Funding`.
// The withdrawal payload shape is NOT DOCUMENTED, so everything but id/status/createdAt is optional.
// Build domain objects field by field; never spread raw payloads.
import { z } from "zod";
import type { Funding, FundingKind } from "@/lib/trades/types";
import { idField, isoDateField, optionalDate, optionalDecimal, optionalId, optionalText, statusField } from "./field-schemas";
import { mapFundingStatus } from "./status-mapping";

export const wireFundingSchema = z.object({
  id: idField,
  merchantId: optionalId,
  status: statusField,
  amounts: z.object({ usd: optionalDecimal, token: optionalDecimal }).nullish().catch(undefined),
  asset: z
    .object({ token: optionalText, chain: optionalText, exchangeRateUsdPerToken: optionalDecimal })
    .nullish()
    .catch(undefined),
  address: optionalText,
  txnHash: optionalText,
  creditedUsd: optionalDecimal,
  overpaymentUsd: optionalDecimal,
  createdAt: isoDateField,
  completedAt: optionalDate,
  updatedAt: optionalDate,
});

const ledgerTypeField = z.unknown().transform((v, ctx) => {
  if (typeof v !== "string") {
    ctx.issues.push({ code: "custom", message: "expected string", input: v });
    return z.NEVER;
  }
  return v.trim().toUpperCase().slice(0, 32);
});

export const wireLedgerSchema = z.object({
  id: idField,
  type: ledgerTypeField,
  status: statusField,
  amount: z
    .object({ usd: optionalDecimal, crypto: optionalDecimal, token: optionalText, chain: optionalText })
    .nullish()
    .catch(undefined),
  fee: optionalDecimal,
  address: optionalText,
  txnHash: optionalText,
  timestamps: z.object({ created: isoDateField, completed: optionalDate, updated: optionalDate }),
});

function setIfDefined<K extends keyof Funding>(target: Funding, key: K, value: Funding[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

export interface MappedFunding {
  funding: Funding;
  unknownStatus: string | null;
}

export function toDomainFunding(kind: FundingKind, w: z.output<typeof wireFundingSchema>): MappedFunding {
  const mapped = mapFundingStatus(w.status);
  const funding: Funding = {
    id: w.id,
    kind,
    status: mapped.status,
    rawStatus: w.status,
    amountUsd: w.amounts?.usd ?? null,
    amountToken: w.amounts?.token ?? null,
    createdAt: w.createdAt,
  };
  setIfDefined(funding, "token", w.asset?.token);
  setIfDefined(funding, "chain", w.asset?.chain);
  setIfDefined(funding, "address", w.address);
  setIfDefined(funding, "txnHash", w.txnHash);
  setIfDefined(funding, "creditedUsd", w.creditedUsd);
  setIfDefined(funding, "updatedAt", w.updatedAt);
  setIfDefined(funding, "completedAt", w.completedAt);
  return { funding, unknownStatus: mapped.known ? null : w.status };
}

export function toDomainLedgerFunding(kind: FundingKind, w: z.output<typeof wireLedgerSchema>): MappedFunding {
  const mapped = mapFundingStatus(w.status);
  const funding: Funding = {
    id: w.id,
    kind,
    status: mapped.status,
    rawStatus: w.status,
    amountUsd: w.amount?.usd ?? null,
    amountToken: w.amount?.crypto ?? null,
    createdAt: w.timestamps.created,
  };
  setIfDefined(funding, "token", w.amount?.token);
  setIfDefined(funding, "chain", w.amount?.chain);
  setIfDefined(funding, "address", w.address);
  setIfDefined(funding, "txnHash", w.txnHash);
  setIfDefined(funding, "updatedAt", w.timestamps.updated);
  setIfDefined(funding, "completedAt", w.timestamps.completed);
  return { funding, unknownStatus: mapped.known ? null : w.status };
}
