import { describe, expect, it } from "vitest";
import { T0, iso, wireTrade } from "@/lib/trades/test-fixtures";
import { SnapshotSignedOutError, fetchSnapshot } from "./snapshot-client";

const json = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status });

describe("fetchSnapshot", () => {
  it("parses recorded trades, histories and both funding formats at the edge", async () => {
    const result = await fetchSnapshot(
      () => T0,
      json(200, {
        at: iso(T0),
        trades: [
          { payload: wireTrade({ id: "t-1", status: "hold" }), history: [{ status: "hold", rawStatus: "hold", at: iso(T0), observedAt: iso(T0 + 5) }] },
          { payload: { id: 42 }, history: [] },
        ],
        funding: [
          { kind: "deposit", format: "event", payload: { id: "d-1", status: "PENDING", createdAt: iso(T0) } },
          { kind: "withdrawal", format: "ledger", payload: { id: "w-1", type: "WITHDRAWAL", status: "COMPLETED", timestamps: { created: iso(T0) } } },
          { kind: "deposit", format: "ledger", payload: { id: "r-1", type: "REFUND", status: "COMPLETED", timestamps: { created: iso(T0) } } },
        ],
        truncated: false,
      }),
    );
    expect(result.trades).toHaveLength(1);
    expect(result.trades[0]?.trade).toMatchObject({ id: "t-1", status: "hold" });
    expect(result.trades[0]?.history).toEqual([{ status: "hold", rawStatus: "hold", at: iso(T0), observedAt: T0 + 5 }]);
    expect(result.funding.map((f) => [f.kind, f.id])).toEqual([
      ["deposit", "d-1"],
      ["withdrawal", "w-1"],
    ]);
    expect(result.error).toMatch(/^malformed recorded trade ignored: trade\./);
  });

  it("starts empty when the recorder is unavailable, and says so", async () => {
    const result = await fetchSnapshot(() => T0, json(503, { error: { code: "recorder_unavailable", message: "no recorder" } }));
    expect(result).toEqual({ trades: [], funding: [], at: T0, error: "Snapshot unavailable (HTTP 503)" });
  });

  it("refuses an answer of the wrong shape", async () => {
    const result = await fetchSnapshot(() => T0, json(200, { trades: "nope" }));
    expect(result.trades).toEqual([]);
    expect(result.error).toBe("Snapshot unavailable (HTTP 200)");
  });

  it("reports a signed-out session", async () => {
    await expect(fetchSnapshot(() => T0, json(401, {}))).rejects.toBeInstanceOf(SnapshotSignedOutError);
  });
});
