import { describe, expect, it } from "vitest";
import { T0, iso, wireTrade } from "@/lib/trades/test-fixtures";
import { MAX_RESYNC_IDS } from "@/lib/db/resync-reads";
import { RESYNC_CHUNK_IDS, ResyncSignedOutError, fetchResync } from "./resync-client";

const answer = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status });
const ledger = (id: string, type: string) => ({ id, type, status: "COMPLETED", timestamps: { created: iso(T0) } });

describe("fetchResync", () => {
  it("parses trades and ledger rows at the edge, leaving out untracked ledger kinds and reporting malformed rows", async () => {
    const result = await fetchResync(
      ["a", "b"],
      () => T0,
      answer(200, {
        trades: [wireTrade({ id: "a", status: "hold" }), { id: 5.5 }],
        funding: [ledger("d-1", "DEPOSIT"), ledger("r-1", "REFUND"), { id: "w-1", type: "WITHDRAWAL" }],
        errors: ["1 batch rate-limited"],
      }),
    );
    expect(result.trades.map((t) => [t.id, t.status])).toEqual([["a", "hold"]]);
    expect(result.funding.map((f) => [f.kind, f.id])).toEqual([["deposit", "d-1"]]);
    expect(result.at).toBe(T0);
    expect(result.error).toBe(
      "1 batch rate-limited; malformed trade ignored: trade.id: expected string; malformed funding ignored: ledger.status: expected string",
    );
  });

  it("passes on the trades the answer names as no longer known to AssetPay", async () => {
    const result = await fetchResync(["a", "gone"], () => T0, answer(200, { trades: [wireTrade({ id: "a" })], funding: [], missingIds: ["gone"] }));
    expect(result.missingIds).toEqual(["gone"]);
    expect((await fetchResync(["a"], () => T0, answer(200, { trades: [], funding: [] }))).missingIds).toBeUndefined();
  });

  it("says nothing went wrong when nothing did", async () => {
    const result = await fetchResync(["a"], () => T0, answer(200, { trades: [wireTrade({ id: "a" })], funding: [] }));
    expect(result.error).toBeUndefined();
  });

  it("keeps the data it has when the route fails, and says why", async () => {
    expect(await fetchResync([], () => T0, answer(502, {}))).toEqual({ trades: [], funding: [], at: T0, error: "Resync failed (HTTP 502)" });
    const unreachable = await fetchResync([], () => T0, () => Promise.reject(new Error("offline")));
    expect(unreachable.error).toBe("Resync could not reach the dashboard server: Error: offline");
  });

  it("reports a signed-out session", async () => {
    await expect(fetchResync([], () => T0, answer(401, {}))).rejects.toBeInstanceOf(ResyncSignedOutError);
  });
});

describe("fetchResync on a board bigger than one request", () => {
  const ids = (count: number) => Array.from({ length: count }, (_, i) => `t-${i}`);

  /** A fake route: answers each id it is asked about, names every 1,000th missing, and records the requests. */
  function fakeRoute(options: { failAt?: number } = {}) {
    const requests: string[][] = [];
    const fetchImpl = async (tradeIds: string[]) => {
      requests.push(tradeIds);
      if (tradeIds.length > RESYNC_CHUNK_IDS) return new Response(JSON.stringify({ error: { code: "invalid_body" } }), { status: 400 });
      if (requests.length === options.failAt) return new Response("{}", { status: 503 });
      const known = tradeIds.filter((id) => !id.endsWith("000"));
      return new Response(
        JSON.stringify({
          trades: known.slice(0, 2).map((id) => wireTrade({ id })),
          funding: [ledger("d-1", "DEPOSIT")],
          missing: 0,
          missingIds: tradeIds.filter((id) => id.endsWith("000")),
          errors: requests.length === 2 ? ["the recorder could not reconcile: busy"] : [],
        }),
        { status: 200 },
      );
    };
    return { requests, fetchImpl };
  }

  it("asks in sequential chunks of at most the route's cap and merges the answers, funding once", async () => {
    const route = fakeRoute();
    const all = ids(2 * RESYNC_CHUNK_IDS + 1);
    const result = await fetchResync(all, () => T0, route.fetchImpl);
    expect(route.requests.map((request) => request.length)).toEqual([RESYNC_CHUNK_IDS, RESYNC_CHUNK_IDS, 1]);
    expect(route.requests.flat()).toEqual(all);
    expect(result.trades.map((trade) => trade.id)).toEqual(["t-0", "t-1", "t-10001", "t-10002"]);
    expect(result.funding.map((funding) => funding.id)).toEqual(["d-1"]);
    expect(result.missingIds).toEqual(all.filter((id) => id.endsWith("000")));
    expect(result.error).toBe("the recorder could not reconcile: busy");
  });

  it("keeps one request for a board within the cap, and for an empty one", async () => {
    const route = fakeRoute();
    await fetchResync(ids(RESYNC_CHUNK_IDS), () => T0, route.fetchImpl);
    await fetchResync([], () => T0, route.fetchImpl);
    expect(route.requests.map((request) => request.length)).toEqual([RESYNC_CHUNK_IDS, 0]);
  });

  it("keeps what earlier chunks brought when a later one fails, stops there, and says so", async () => {
    const route = fakeRoute({ failAt: 2 });
    const result = await fetchResync(ids(3 * RESYNC_CHUNK_IDS), () => T0, route.fetchImpl);
    expect(route.requests).toHaveLength(2);
    expect(result.trades.map((trade) => trade.id)).toEqual(["t-0", "t-1"]);
    expect(result.funding).toHaveLength(1);
    expect(result.error).toBe(`Resync failed (HTTP 503) after ${RESYNC_CHUNK_IDS} of ${3 * RESYNC_CHUNK_IDS} trades`);
  });

  it("stops at a signed-out answer in any chunk", async () => {
    let calls = 0;
    const fetchImpl = async () => (++calls === 2 ? new Response("{}", { status: 401 }) : new Response(JSON.stringify({ trades: [], funding: [] })));
    await expect(fetchResync(ids(RESYNC_CHUNK_IDS + 1), () => T0, fetchImpl)).rejects.toBeInstanceOf(ResyncSignedOutError);
  });

  it("uses the route's own cap", () => {
    expect(RESYNC_CHUNK_IDS).toBe(MAX_RESYNC_IDS);
  });
});
