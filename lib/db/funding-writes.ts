// Recording merchant funding (socket `deposit`/`withdrawal` events and ledger rows), newer-only by the
// latest of the funding object's timestamps (lib/trades/funding-stamp, the browser store's order too);
// on an equal stamp only a terminal version replaces a non-terminal one, so replays cannot reopen it.
// Never store a version without a usable timestamp or a storable payload.
import "server-only";
import { fundingStampMs } from "@/lib/trades/funding-stamp";
import { isTerminalFundingStatus } from "@/lib/trades/funding-status";
import type { Funding } from "@/lib/trades/types";
import type { FundingFormat } from "@/lib/recorded/types";
import { type Database, transactionWithRetry } from "./database";
import { msTime, payloadJson } from "./sql-values";
import { type WriteCounts, addCounts, countUpsert, emptyCounts } from "./write-counts";

export interface FundingVersion {
  funding: Funding;
  format: FundingFormat;
  payload: unknown;
}

const UPSERT_FUNDING = `
  INSERT INTO funding AS f (kind, id, status, terminal, stamp, format, payload, recorded_at)
  VALUES ($1, $2, $3, $4, $5::timestamptz, $6, $7::jsonb, $8::timestamptz)
  ON CONFLICT (kind, id) DO UPDATE SET
    status = excluded.status, terminal = excluded.terminal, stamp = excluded.stamp, format = excluded.format,
    payload = excluded.payload, recorded_at = excluded.recorded_at
  WHERE f.stamp < excluded.stamp OR (f.stamp = excluded.stamp AND NOT f.terminal AND excluded.terminal)
  RETURNING (xmax = 0) AS inserted`;

/** Merchant funding (socket events or ledger rows); one transaction, rows in key order (no deadlocks). */
export async function recordFunding(db: Database, versions: readonly FundingVersion[], observedAtMs: number): Promise<WriteCounts> {
  const counts = emptyCounts();
  const observedAt = msTime(observedAtMs) ?? new Date().toISOString();
  const rows: { key: string; params: (string | boolean)[] }[] = [];
  for (const { funding, format, payload } of versions) {
    const stamp = msTime(fundingStampMs(funding));
    const json = payloadJson(payload);
    if (stamp === null || json === null) {
      counts.refused.push(`${funding.kind} ${funding.id.slice(0, 64)}: ${stamp === null ? "no usable timestamp" : "payload not storable"}`);
      continue;
    }
    const params = [funding.kind, funding.id, funding.status, isTerminalFundingStatus(funding.status), stamp, format, json, observedAt];
    rows.push({ key: `${funding.kind}\u0000${funding.id}\u0000${stamp}`, params });
  }
  rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (rows.length === 0) return counts;
  addCounts(
    counts,
    await transactionWithRetry(db, async (tx) => {
      const batch = emptyCounts();
      for (const row of rows) countUpsert(batch, (await tx.query<{ inserted: boolean }>(UPSERT_FUNDING, row.params))[0]);
      return batch;
    }),
  );
  return counts;
}
