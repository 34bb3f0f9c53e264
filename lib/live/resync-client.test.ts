import { describe, expect, it } from "vitest";
import { T0, iso, wireTrade } from "@/lib/trades/test-fixtures";
import { ResyncSignedOutError, fetchResync } from "./resync-client";

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
