import { expect, it } from "vitest";
import type { z } from "zod";
import { AssetPayError, type AssetPayClient } from "@/lib/assetpay/rest-client";
import { describeOnEachBackend } from "@/lib/db/testing/each-backend";
import { T0, iso, wireTrade } from "@/lib/trades/test-fixtures";
import { backfillTrades } from "./backfill";

/** A fake AssetPay batch get over `known` trades, by id or externalId; unknown refs are dropped, as AssetPay does. */
function fakeAssetPay(known: Record<string, unknown>[], failures: AssetPayError[] = []): AssetPayClient & { paths: string[] } {
  const paths: string[] = [];
  return {
    paths,
    async request<T>(path: string, schema: z.ZodType<T>): Promise<T> {
      paths.push(path);
      const failure = failures.shift();
      if (failure) throw failure;
      const refs = decodeURIComponent(path.replace("/secure/trades/", "")).split(",");
      const found = known.filter((trade) => refs.includes(String(trade.id)) || refs.includes(String(trade.externalId)));
      if (refs.length === 1 && found.length === 0) throw new AssetPayError({ key: "TRADE_NOT_FOUND", message: "not found", httpStatus: 404 });
      return schema.parse(refs.length === 1 ? found[0] : found);
    },
  };
}

const trade = (n: number, status = "hold") => wireTrade({ id: `t-${n}`, externalId: `ord_${n}`, status, updatedAt: iso(T0 + n) });

describeOnEachBackend("backfill", ({ db }) => {
  it("looks refs up 100 at a time, by id or externalId, and sums found, new, updated and not found", async () => {
    const known = Array.from({ length: 150 }, (_, n) => trade(n));
    // Already recorded in an older version: counts as updated.
    await backfillTrades(["t-0"], { db, client: fakeAssetPay([trade(0, "active")]) });
    const client = fakeAssetPay(known);
    const refs = [...known.slice(0, 120).map((t) => String(t.id)), ...known.slice(120).map((t) => String(t.externalId)), "nope-1", "nope-2", "t-5"];
    const progress: number[] = [];
    const summary = await backfillTrades(refs, { db, client, onProgress: (done) => progress.push(done) });
    expect(summary).toMatchObject({ requested: 152, found: 150, new: 149, updated: 1, notFound: 2, failed: 0, requests: 2 });
    expect(client.paths).toHaveLength(2);
    expect(progress).toEqual([100, 152]);
    const rows = await db.query<{ n: string }>("SELECT count(*) AS n FROM trades WHERE raw_status = 'hold'");
    expect(Number(rows[0]?.n)).toBe(150);
  });

  it("waits out a rate-limited answer and retries the same batch", async () => {
    const waits: number[] = [];
    const client = fakeAssetPay([trade(1)], [new AssetPayError({ key: "RATE_LIMITED", message: "slow down", httpStatus: 429, retryAfterSeconds: 7 })]);
    const summary = await backfillTrades(["t-1", "t-2"], { db, client, sleep: async (ms) => void waits.push(ms) });
    expect(waits).toEqual([7_000]);
    expect(summary).toMatchObject({ found: 1, notFound: 1, failed: 0, requests: 2 });
  });

  it("counts a batch AssetPay refuses as failed, keeping the others", async () => {
    const known = Array.from({ length: 101 }, (_, n) => trade(n));
    const client = fakeAssetPay(known, [new AssetPayError({ key: "SERVER_ERROR", message: "boom", httpStatus: 500 })]);
    const summary = await backfillTrades(known.map((t) => String(t.id)), { db, client });
    expect(summary).toMatchObject({ requested: 101, found: 1, failed: 100, new: 1 });
    expect(summary.errors[0]).toContain("boom");
  });
});
