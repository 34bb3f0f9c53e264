import { expect, it } from "vitest";
import { pruneAlerts } from "./alert-pruning";
import { applyAlertEvaluations, type SubjectEvaluation } from "./alert-raising";
import { acknowledgeAlert, addTradeNote, assignTrade, readTradeTeam } from "./alert-team";
import { describeOnEachBackend } from "./testing/each-backend";
import { tradeVersion } from "./testing/recorded-versions";
import { recordTrades } from "./trade-writes";

const HERE = { address: "127.0.0.1", userAgent: "vitest" };
const DAY_MS = 86_400_000;

const stalled = (tradeId: string, holds: boolean): SubjectEvaluation => ({
  subject: `trade:${tradeId}`,
  tradeId,
  fundingId: null,
  game: "cs2",
  kinds: ["stalled"],
  holding: holds ? [{ kind: "stalled", reason: "active 42 min" }] : [],
});

describeOnEachBackend("alert pruning", ({ db }) => {
  /** Moves every timestamp of the alerts of `tradeId` back by `days`. */
  const age = (tradeId: string, days: number) =>
    db.query(
      `UPDATE alerts SET raised_at = raised_at - make_interval(days => $2::int), acknowledged_at = acknowledged_at - make_interval(days => $2::int),
         cleared_at = cleared_at - make_interval(days => $2::int) WHERE trade_id = $1`,
      [tradeId, days],
    );
  const ids = async () => (await db.query<{ id: string }>("SELECT id FROM alerts ORDER BY id")).map((row) => row.id);

  it("deletes acknowledged or cleared alerts past the retention, never open ones, and keeps notes and assignees", async () => {
    const now = Date.now();
    await applyAlertEvaluations(db, ["open-old", "acked-old", "cleared-old", "acked-recent", "recorded", "twice"].map((id) => stalled(id, true)), { deliver: false });
    await acknowledgeAlert(db, "stalled:trade:acked-old:1", "a@ops.test", HERE);
    await acknowledgeAlert(db, "stalled:trade:acked-recent:1", "a@ops.test", HERE);
    await acknowledgeAlert(db, "stalled:trade:recorded:1", "a@ops.test", HERE);
    await applyAlertEvaluations(db, [stalled("cleared-old", false), stalled("twice", false)], { deliver: false });
    for (const id of ["open-old", "acked-old", "cleared-old", "recorded", "twice"]) await age(id, 100);
    await db.query("UPDATE alerts SET raised_at = raised_at - interval '100 days' WHERE trade_id = 'acked-recent'");
    // "twice" stalled again later: a second episode, open.
    await applyAlertEvaluations(db, [stalled("twice", true)], { deliver: false });
    // "recorded" is still a recorded trade whose stall still holds (acknowledged long ago).
    await recordTrades(db, [tradeVersion({ id: "recorded", status: "active" })], now);
    await addTradeNote(db, "acked-old", "called the user", "a@ops.test", HERE);
    await assignTrade(db, "acked-old", "b@ops.test", "a@ops.test", HERE);

    expect(await pruneAlerts(db, now - 90 * DAY_MS)).toBe(3);
    expect(await ids()).toEqual([
      "stalled:trade:acked-recent:1",
      "stalled:trade:open-old:1",
      "stalled:trade:recorded:1",
      "stalled:trade:twice:2",
    ]);
    const team = await readTradeTeam(db, "acked-old");
    expect(team.notes.map((note) => note.text)).toEqual(["called the user"]);
    expect(team.assignee).toBe("b@ops.test");
    expect(await pruneAlerts(db, now - 90 * DAY_MS)).toBe(0);
  });

  it("keeps the latest episode of a trade still recorded, so its stall is not raised again as a new alert", async () => {
    const now = Date.now();
    await recordTrades(db, [tradeVersion({ id: "t-1", status: "active" })], now);
    await applyAlertEvaluations(db, [stalled("t-1", true)], { deliver: true });
    await acknowledgeAlert(db, "stalled:trade:t-1:1", "a@ops.test", HERE);
    await age("t-1", 100);
    expect(await pruneAlerts(db, now - 90 * DAY_MS)).toBe(0);
    expect((await applyAlertEvaluations(db, [stalled("t-1", true)], { deliver: true })).raised).toEqual([]);
  });
});
