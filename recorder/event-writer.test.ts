// The write backlog cap: while the database does not answer, events queue up to MAX_QUEUE; beyond it new
// ones are dropped and counted (reconciliation repairs trades later), and nothing already queued is lost.
import { describe, expect, it } from "vitest";
import type { Database, Queryable } from "@/lib/db/database";
import { T0, iso, wireTrade } from "@/lib/trades/test-fixtures";
import { MAX_QUEUE, RECENT_REASONS, createEventWriter } from "./event-writer";

/** A database whose transactions wait until `recover()`; then every upsert inserts. */
function stalledDatabase() {
  let recover: () => void = () => undefined;
  const recovered = new Promise<void>((resolve) => {
    recover = resolve;
  });
  let transactions = 0;
  const tx: Queryable = {
    async query<Row extends object>() {
      return [{ inserted: true }] as unknown as Row[];
    },
  };
  const db: Database = {
    kind: "pglite",
    query: tx.query,
    async transaction<T>(work: (tx: Queryable) => Promise<T>) {
      transactions += 1;
      await recovered;
      return work(tx);
    },
    close: async () => undefined,
  };
  return { db, recover, transactions: () => transactions };
}

async function until(condition: () => boolean): Promise<void> {
  for (let turn = 0; !condition(); turn += 1) {
    if (turn > 1_000) throw new Error("condition never held");
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const tradeEvent = (n: number) => ({ trade: wireTrade({ id: `trade-${n}`, updatedAt: iso(T0 + n) }) });

describe("event writer backlog", () => {
  it("drops and counts events beyond the cap while the database is stuck, and writes every queued one once it recovers", async () => {
    const database = stalledDatabase();
    const lines: string[] = [];
    const writer = createEventWriter({ db: database.db, log: (line) => lines.push(line) });

    // The first event's batch goes to the database at once and hangs there.
    writer.push("trade", tradeEvent(0), T0);
    await until(() => database.transactions() === 1);

    // The backlog then fills up to the cap; every event past it is dropped.
    for (let n = 1; n <= MAX_QUEUE + 3; n += 1) writer.push("trade", tradeEvent(n), T0 + n);
    expect(writer.stats()).toMatchObject({ recorded: 0, dropped: 3 });
    expect(lines.filter((line) => line.includes("write backlog"))).toEqual([`write backlog over ${MAX_QUEUE} events: dropping new ones until it shrinks`]);

    database.recover();
    await writer.drain();
    expect(writer.stats()).toMatchObject({ recorded: 1 + MAX_QUEUE, dropped: 3, malformed: 0 });

    // With the backlog gone, new events are accepted again.
    writer.push("trade", tradeEvent(MAX_QUEUE + 4), T0 + MAX_QUEUE + 4);
    await writer.drain();
    expect(writer.stats()).toMatchObject({ recorded: 2 + MAX_QUEUE, dropped: 3 });
  });
});

describe("event writer diagnostics", () => {
  it("counts malformed events and unknown statuses, keeping the last few reasons in words", async () => {
    const database = stalledDatabase();
    database.recover();
    const writer = createEventWriter({ db: database.db, log: () => undefined });
    for (let n = 0; n < RECENT_REASONS + 2; n += 1) writer.push("trade", { trade: { id: `broken-${n}` } }, T0 + n);
    writer.push("withdrawal", "not an object", T0);
    writer.push("trade", { trade: wireTrade({ id: "odd-1", status: "queued_for_review" }) }, T0);
    writer.push("trade", tradeEvent(1), T0);
    await writer.drain();

    const stats = writer.stats();
    expect(stats).toMatchObject({ malformed: RECENT_REASONS + 3, unknownStatuses: 1, recorded: 2 });
    expect(stats.lastMalformedReasons).toHaveLength(RECENT_REASONS);
    expect(stats.lastMalformedReasons.at(-1)).toMatch(/^withdrawal: /);
    expect(stats.lastMalformedReasons.at(0)).toMatch(/^trade: trade\./);
    expect(stats.lastUnknownStatuses).toEqual(['trade odd-1: status "queued_for_review"']);
  });
});
