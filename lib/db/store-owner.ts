// Which AssetPay merchant, at which API URL, the recorded data belongs to (`store_owner`, one row).
// A store is claimed by the first recorder that uses it; every later start (and the app before it
// reads from PostgreSQL) checks it, so one merchant's trades are never recorded into, or shown as,
// another's. Keyed by merchant id, not API key: a rotated key of the same merchant keeps working.
// A store made before this table existed is adopted only when its recorded trades name this merchant.
import "server-only";
import type { Database, Queryable } from "./database";
import { isoFromDb } from "./sql-values";

export interface StoreScope {
  merchantId: string;
  /** AssetPay's REST base, no trailing slash (lib/env normalizes it). */
  apiUrl: string;
}

export interface StoreOwner extends StoreScope {
  claimedAt: string;
}

export type ClaimOutcome =
  | { kind: "owned"; owner: StoreOwner }
  | { kind: "claimed"; owner: StoreOwner }
  /** A store from an older version whose recorded trades all name this merchant. */
  | { kind: "adopted"; owner: StoreOwner; trades: number }
  /** `reason` says what happened in words, for the one line the recorder prints. */
  | { kind: "refused"; reason: string };

/** Arbitrary, fixed: serializes claims when several recorders start at once on one PostgreSQL. */
const CLAIM_LOCK = 60_106_002;

function describe(scope: StoreScope): string {
  return `merchant ${scope.merchantId} at ${scope.apiUrl}`;
}

/** Why `scope` may not use a store owned by `owner`, or null when it may. */
export function scopeMismatch(owner: StoreScope, scope: Partial<StoreScope>): string | null {
  const merchant = scope.merchantId !== undefined && owner.merchantId !== scope.merchantId;
  const url = scope.apiUrl !== undefined && owner.apiUrl !== scope.apiUrl;
  if (!merchant && !url) return null;
  const what = merchant && url ? "another merchant and API URL" : merchant ? "another merchant" : "another API URL";
  const self = [scope.merchantId !== undefined ? `merchant ${scope.merchantId}` : "", scope.apiUrl !== undefined ? `at ${scope.apiUrl}` : ""]
    .filter(Boolean)
    .join(" ");
  return `this store belongs to ${describe(owner)}, not ${self} (${what}); refusing to mix their trades`;
}

export async function readStoreOwner(db: Queryable): Promise<StoreOwner | null> {
  const rows = await db.query<{ merchant_id: string; api_url: string; claimed_at: unknown }>(
    "SELECT merchant_id, api_url, claimed_at FROM store_owner",
  );
  const row = rows[0];
  return row ? { merchantId: row.merchant_id, apiUrl: row.api_url, claimedAt: isoFromDb(row.claimed_at) } : null;
}

async function writeOwner(tx: Queryable, scope: StoreScope): Promise<StoreOwner> {
  const [row] = await tx.query<{ claimed_at: unknown }>(
    "INSERT INTO store_owner (merchant_id, api_url, claimed_at) VALUES ($1, $2, now()) RETURNING claimed_at",
    [scope.merchantId, scope.apiUrl],
  );
  return { ...scope, claimedAt: isoFromDb(row?.claimed_at ?? new Date()) };
}

/** Checks `scope` against the store's owner, claiming an empty store (or adopting an older one). */
export async function claimStore(db: Database, scope: StoreScope): Promise<ClaimOutcome> {
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [CLAIM_LOCK]);
    const owner = await readStoreOwner(tx);
    if (owner) {
      const mismatch = scopeMismatch(owner, scope);
      return mismatch ? { kind: "refused", reason: mismatch } : { kind: "owned", owner };
    }
    const merchants = await tx.query<{ merchant_id: string | null; n: number | string }>(
      "SELECT payload->>'merchantId' AS merchant_id, count(*) AS n FROM trades GROUP BY 1 ORDER BY 2 DESC LIMIT 20",
    );
    const [funding] = await tx.query<{ any: boolean }>("SELECT EXISTS (SELECT 1 FROM funding) AS any");
    const trades = merchants.reduce((total, row) => total + Number(row.n), 0);
    if (trades === 0 && !funding?.any) return { kind: "claimed", owner: await writeOwner(tx, scope) };

    const named = merchants.filter((row) => typeof row.merchant_id === "string" && row.merchant_id !== "");
    const others = named.filter((row) => row.merchant_id !== scope.merchantId).map((row) => row.merchant_id);
    if (others.length > 0) {
      return {
        kind: "refused",
        reason: `this store (made by an older version) holds trades of merchant ${others.slice(0, 3).join(", ")}, not merchant ${scope.merchantId}; refusing to mix their trades`,
      };
    }
    if (named.length === 0) {
      return {
        kind: "refused",
        reason: `this store (made by an older version) holds recorded data but no trade in it names its merchant, so it cannot be adopted by merchant ${scope.merchantId}`,
      };
    }
    return { kind: "adopted", owner: await writeOwner(tx, scope), trades };
  });
}
