import { expect, it } from "vitest";
import { T0, iso } from "@/lib/trades/test-fixtures";
import { parseLedgerTransaction } from "@/lib/wire/parse-funding";
import { type FundingVersion, recordFunding } from "./funding-writes";
import { readResync } from "./resync-reads";
import { describeOnEachBackend } from "./testing/each-backend";
import { at, depositVersion, tradeVersion } from "./testing/recorded-versions";
import { markTradesMissing, recordTrades } from "./trade-writes";

function ledgerVersion(id: string, createdMinutes: number): FundingVersion {
  const payload = { id, type: "DEPOSIT", status: "COMPLETED", timestamps: { created: iso(T0 + createdMinutes * 60_000) } };
  const parsed = parseLedgerTransaction(payload);
  if (!parsed.ok) throw new Error(parsed.reason);
  return { funding: parsed.value, format: "ledger", payload };
}

describeOnEachBackend("resync reads", ({ db }) => {
  it("answers the recorded payload of each asked-for trade, counts the unknown ones and names the missing ones", async () => {
    await recordTrades(
      db,
      [
        tradeVersion({ id: "live", status: "active", updatedAt: at(1) }),
        tradeVersion({ id: "gone", status: "hold", updatedAt: at(1) }),
        tradeVersion({ id: "gone-elsewhere", status: "active", updatedAt: at(1) }),
        tradeVersion({ id: "not-asked", status: "active", updatedAt: at(1) }),
      ],
      T0,
    );
    expect(await markTradesMissing(db, ["gone", "gone-elsewhere"], T0 + 60_000)).toBe(2);

    const answer = await readResync(db, ["live", "gone", "never-seen", "live"]);
    expect(answer.trades.map((payload) => (payload as { id: string }).id).sort()).toEqual(["gone", "live"]);
    expect(answer.trades.find((payload) => (payload as { id: string }).id === "live")).toMatchObject({ status: "active" });
    // Asked twice, counted once; a missing trade the browser did not ask about is not named.
    expect(answer.missing).toBe(1);
    expect(answer.missingIds).toEqual(["gone"]);
  });

  it("carries recent ledger rows only, newest first, and nothing else for an empty request", async () => {
    await recordFunding(db, [ledgerVersion("l-old", 1), ledgerVersion("l-new", 5), depositVersion("event-1", "COMPLETED", 3, 4)], T0);
    expect(await readResync(db, [])).toEqual({
      trades: [],
      funding: [expect.objectContaining({ id: "l-new" }), expect.objectContaining({ id: "l-old" })],
      missing: 0,
      missingIds: [],
    });
  });
});
