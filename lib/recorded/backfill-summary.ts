// What a backfill import of trade refs reports (the recorder's loopback API answers it per chunk; the
// import CLI and `npm start`'s demo wiring add the chunks up), and the request that starts one.
import { z } from "zod";
import { MAX_ID_LENGTH } from "@/lib/wire/field-schemas";

/** Refs per request to the recorder: small enough that progress shows often, large enough to be cheap. */
export const MAX_REFS_PER_IMPORT_REQUEST = 1_000;

export const backfillRequestSchema = z.strictObject({
  refs: z.array(z.string().trim().min(1).max(MAX_ID_LENGTH)).min(1).max(MAX_REFS_PER_IMPORT_REQUEST),
});

export const backfillSummarySchema = z.strictObject({
  /** Distinct refs asked for. */
  requested: z.number().int().nonnegative(),
  /** Refs AssetPay returned a trade for (by id or externalId). */
  found: z.number().int().nonnegative(),
  /** Trades the recorder did not hold before. */
  new: z.number().int().nonnegative(),
  /** Trades the recorder held in an older version. */
  updated: z.number().int().nonnegative(),
  /** Refs AssetPay does not know. */
  notFound: z.number().int().nonnegative(),
  /** Refs not looked up because AssetPay failed or refused (they can be imported again). */
  failed: z.number().int().nonnegative(),
  requests: z.number().int().nonnegative(),
  errors: z.array(z.string().max(300)).max(5),
});

export type BackfillSummary = z.infer<typeof backfillSummarySchema>;

export function emptyBackfillSummary(): BackfillSummary {
  return { requested: 0, found: 0, new: 0, updated: 0, notFound: 0, failed: 0, requests: 0, errors: [] };
}

export function addBackfillSummaries(into: BackfillSummary, from: BackfillSummary): void {
  into.requested += from.requested;
  into.found += from.found;
  into.new += from.new;
  into.updated += from.updated;
  into.notFound += from.notFound;
  into.failed += from.failed;
  into.requests += from.requests;
  into.errors = [...into.errors, ...from.errors].slice(0, 5);
}
