// The SSE catch-up's promise: a reader that moves its cursor to the highest version it read never
// skips a change, even when two writers on two connections take versions in one order and would commit
// in the other. Needs real concurrency, so it runs on PostgreSQL only (PGlite runs one transaction at a
// time, where the problem cannot arise).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyAlertEvaluations, type SubjectEvaluation } from "./alert-raising";
import { acknowledgeAlert, alertChangesSince, listAlerts, snoozeAlert, type TeamDb } from "./alert-team";
import type { Database, Queryable } from "./database";
import { openPostgres } from "./postgres";
import { postgresTestGate } from "./testing/postgres-cluster";
import { testBackend } from "./testing/test-databases";

const HERE = { address: "127.0.0.1", userAgent: "vitest" };
const gate = postgresTestGate();
if (!gate.run) console.warn(gate.reason);

const stalled = (tradeId: string): SubjectEvaluation => ({
  subject: `trade:${tradeId}`,
  tradeId,
  fundingId: null,
  game: "cs2",
  kinds: ["stalled"],
  holding: [{ kind: "stalled", reason: "active 42 min" }],
});

/** A TeamDb whose transactions do their work, then wait for `commit` before committing. */
function heldOpen(db: Database, commit: Promise<void>, onWorkDone: () => void): TeamDb {
  return {
    query: (sql, params) => db.query(sql, params),
    transaction: (work) =>
      db.transaction(async (tx: Queryable) => {
        const result = await work(tx);
        onWorkDone();
        await commit;
        return result;
      }),
  };
}

describe.skipIf(!gate.run)(`alert versions on PostgreSQL${gate.run ? "" : ` — ${gate.reason}`}`, () => {
  const backend = testBackend("postgres");
  let writerA: Database;
  let writerB: Database;
  let reader: Database;

  beforeAll(async () => {
    const { db, url } = await backend.open();
    reader = db;
    if (url === null) throw new Error("PostgreSQL test database without a URL");
    writerA = openPostgres(url, { applicationName: "writer-a" });
    writerB = openPostgres(url, { applicationName: "writer-b" });
  }, 180_000);
  afterAll(async () => {
    await Promise.all([writerA?.close(), writerB?.close()]);
    await backend.close();
  }, 60_000);

  /** Resolves once a connection of `application` waits for a lock. */
  async function waitingOnLock(application: string): Promise<"waiting"> {
    for (;;) {
      const [row] = await reader.query<{ n: number | string }>(
        "SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'",
        [application],
      );
      if (Number(row?.n) > 0) return "waiting";
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it("a write that took a later version cannot commit before an earlier one, so the reader's cursor skips nothing", async () => {
    await applyAlertEvaluations(reader, [stalled("t-1"), stalled("t-2")], { deliver: false });
    let cursor = (await listAlerts(reader, { state: "all", limit: 10 })).cursor;

    let commitA = () => undefined as void;
    const aMayCommit = new Promise<void>((resolve) => {
      commitA = resolve;
    });
    let aTookVersion = () => undefined as void;
    const aWorked = new Promise<void>((resolve) => {
      aTookVersion = resolve;
    });
    // A acknowledges t-1 (takes the next version) and stays open.
    const a = acknowledgeAlert(heldOpen(writerA, aMayCommit, aTookVersion), "stalled:trade:t-1:1", "a@ops.test", HERE);
    await aWorked;
    // B snoozes t-2 on another connection and would commit at once: it must wait for A instead.
    const b = snoozeAlert(writerB, "stalled:trade:t-2:1", 30, "b@ops.test", HERE);
    const bCommittedFirst = await Promise.race([b.then(() => "committed before A"), waitingOnLock("writer-b")]);
    if (bCommittedFirst !== "waiting") commitA();
    expect(bCommittedFirst).toBe("waiting");

    // A reader now sees neither change, and its cursor stays where it was.
    const before = await alertChangesSince(reader, cursor);
    expect(before.alerts).toEqual([]);
    expect(before.cursor).toBe(cursor);
    cursor = before.cursor;

    commitA();
    const [acknowledged, snoozed] = await Promise.all([a, b]);
    const after = await alertChangesSince(reader, cursor);
    expect(after.alerts.map((alert) => alert.id)).toEqual(["stalled:trade:t-1:1", "stalled:trade:t-2:1"]);
    expect(acknowledged?.alert.version).toBeLessThan(snoozed?.version ?? 0);
    expect(after.cursor).toBe(snoozed?.version);
  }, 60_000);

  it("many writers committing in random order: a polling reader ends up with every change", async () => {
    const ids = Array.from({ length: 12 }, (_, index) => `r-${index}`);
    await applyAlertEvaluations(reader, ids.map(stalled), { deliver: false });
    let cursor = (await listAlerts(reader, { state: "all", limit: 50 })).cursor;
    const seen = new Map<string, number>();
    let writing = true;
    const polling = (async () => {
      while (writing) {
        const changes = await alertChangesSince(reader, cursor);
        for (const alert of changes.alerts) seen.set(alert.id, alert.version);
        cursor = changes.cursor;
      }
    })();
    const pools = [writerA, writerB];
    await Promise.all(
      ids.map((id, index) =>
        snoozeAlert(heldOpen(pools[index % 2] ?? writerA, new Promise((resolve) => setTimeout(resolve, (index * 7) % 11)), () => undefined), `stalled:trade:${id}:1`, 5, "a@ops.test", HERE),
      ),
    );
    writing = false;
    await polling;
    const last = await alertChangesSince(reader, cursor);
    for (const alert of last.alerts) seen.set(alert.id, alert.version);
    const final = await listAlerts(reader, { state: "all", limit: 50 });
    const mine = final.alerts.filter((alert) => alert.tradeId?.startsWith("r-"));
    expect(mine).toHaveLength(ids.length);
    expect(new Map(mine.map((alert) => [alert.id, alert.version]))).toEqual(seen);
  }, 60_000);
});
