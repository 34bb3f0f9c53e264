import { expect, it } from "vitest";
import { T0 } from "@/lib/trades/test-fixtures";
import type { TradeExportRange } from "@/lib/trades/trades-csv-range";
import { describeOnEachBackend } from "./testing/each-backend";
import { at, tradeVersion } from "./testing/recorded-versions";
import { countTradeExport, type ExportCursor, readTradeExportPage } from "./trade-export";
import { recordTrades } from "./trade-writes";
import type { Queryable } from "./database";

const everything = (from: string, to: string): TradeExportRange => ({ from, to, games: [], types: [], statuses: [] });

async function allPages(db: Queryable, range: TradeExportRange, limit: number): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let after: ExportCursor | null = null;
  let pages = 0;
  do {
    const page = await readTradeExportPage(db, range, after, limit);
    pages += 1;
    ids.push(...page.rows.map((row) => row.id));
    after = page.next;
  } while (after !== null);
  return { ids, pages };
}

describeOnEachBackend("history export reads", ({ db }) => {
  it("pages through a range in (updatedAt, id) order, each trade once, across page boundaries and equal times", async () => {
    // Five trades share one updatedAt, so a page boundary falls inside a run of equal times; one is then
    // moved a microsecond later (a cursor cut to milliseconds would lose or repeat it); two lie outside.
    const versions = [
      ...["e", "a", "d", "b", "c"].map((id) => tradeVersion({ id: `same-${id}`, status: "completed", updatedAt: at(5) })),
      tradeVersion({ id: "early", status: "hold", updatedAt: at(1) }),
      tradeVersion({ id: "late", status: "active", updatedAt: new Date(T0 + 5 * 60_000 + 1).toISOString() }),
      tradeVersion({ id: "before", status: "completed", updatedAt: at(-1) }),
      tradeVersion({ id: "after", status: "completed", updatedAt: at(10) }),
    ];
    await recordTrades(db, versions, T0);
    await db.query("UPDATE trades SET updated_at = updated_at + interval '1 microsecond' WHERE id = 'same-b'");
    const range = everything(at(0), at(10));
    const expected = ["early", "same-a", "same-c", "same-d", "same-e", "same-b", "late"];
    expect(await countTradeExport(db, range)).toBe(7);
    for (const limit of [1, 2, 3, 7, 100]) {
      const { ids, pages } = await allPages(db, range, limit);
      expect(ids, `pages of ${limit}`).toEqual(expected);
      expect(pages).toBe(Math.floor(7 / limit) + 1);
    }
  });

  it("applies the game, type and status filters to the count and the pages alike", async () => {
    await recordTrades(
      db,
      [
        tradeVersion({ id: "cs2-dep-hold", game: "730", type: "deposit", status: "hold", updatedAt: at(1) }),
        tradeVersion({ id: "rust-dep-hold", game: "252490", type: "deposit", status: "hold", updatedAt: at(2) }),
        tradeVersion({ id: "rust-wd-done", game: "252490", type: "withdraw", status: "completed", updatedAt: at(3) }),
        tradeVersion({ id: "rust-dep-failed", game: "252490", type: "deposit", status: "failed", updatedAt: at(4) }),
      ],
      T0,
    );
    const range: TradeExportRange = { ...everything(at(0), at(10)), games: ["rust"], types: ["deposit"], statuses: ["hold", "failed"] };
    expect(await countTradeExport(db, range)).toBe(2);
    expect((await allPages(db, range, 1)).ids).toEqual(["rust-dep-hold", "rust-dep-failed"]);
    expect((await allPages(db, { ...everything(at(0), at(10)), statuses: ["completed"] }, 10)).ids).toEqual(["rust-wd-done"]);
  });

  it("gives each row its payload, when it entered its status per the recorded history, and whether it is missing", async () => {
    await recordTrades(db, [tradeVersion({ id: "t", status: "active", updatedAt: at(1) })], T0);
    await recordTrades(db, [tradeVersion({ id: "t", status: "hold", updatedAt: at(3) })], T0);
    await db.query("UPDATE trades SET missing_at = now() WHERE id = 't'");
    const page = await readTradeExportPage(db, everything(at(0), at(10)), null, 10);
    expect(page.next).toBeNull();
    expect(page.rows).toEqual([{ id: "t", payload: expect.objectContaining({ id: "t", status: "hold" }), statusSince: at(3), missing: true }]);
  });

  it("counts nothing and answers an empty last page for an empty range", async () => {
    const range = everything(at(0), at(10));
    expect(await countTradeExport(db, range)).toBe(0);
    expect(await readTradeExportPage(db, range, null, 10)).toEqual({ rows: [], next: null });
  });
});
