import { expect, it } from "vitest";
import { applyAlertEvaluations, type SubjectEvaluation } from "./alert-raising";
import { acknowledgeAlert, acknowledgeAllAlerts, addTradeNote, alertChangesSince, assignTrade, listAlerts, readTradeTeam, snoozeAlert } from "./alert-team";
import { readAuditLog } from "./audit-log";
import { describeOnEachBackend } from "./testing/each-backend";

const HERE = { address: "127.0.0.1", userAgent: "vitest" };
const auditActions = async (db: Parameters<typeof readAuditLog>[0]) =>
  (await readAuditLog(db, { actor: null, action: null, from: null, to: null, before: null, limit: 200 })).entries.map((entry) => entry.action);

const stalled = (holds: boolean, tradeId = "t-1"): SubjectEvaluation => ({
  subject: `trade:${tradeId}`,
  tradeId,
  fundingId: null,
  game: "cs2",
  kinds: ["stalled", "failed"],
  holding: holds ? [{ kind: "stalled", reason: "active 42 min" }] : [],
});

describeOnEachBackend("alert store", ({ db }) => {
  it("raises an episode once however often (or by however many recorders) it is evaluated", async () => {
    const [a, b] = await Promise.all([
      applyAlertEvaluations(db, [stalled(true)], { deliver: false }),
      applyAlertEvaluations(db, [stalled(true)], { deliver: false }),
    ]);
    expect([...(a?.raised ?? []), ...(b?.raised ?? [])]).toEqual(["stalled:trade:t-1:1"]);
    expect((await applyAlertEvaluations(db, [stalled(true)], { deliver: false })).raised).toEqual([]);
    const list = await listAlerts(db, { state: "open", limit: 200 });
    expect(list.alerts.map((alert) => alert.id)).toEqual(["stalled:trade:t-1:1"]);
    expect(list.openCount).toBe(1);
  });

  it("keeps an acknowledged alert while the condition holds, and raises a new episode when it comes back", async () => {
    await applyAlertEvaluations(db, [stalled(true)], { deliver: false });
    expect((await acknowledgeAlert(db, "stalled:trade:t-1:1", "a@ops.test", HERE))?.changed).toBe(true);
    expect((await applyAlertEvaluations(db, [stalled(true)], { deliver: false })).raised).toEqual([]);
    expect((await applyAlertEvaluations(db, [stalled(false)], { deliver: false })).cleared).toBe(1);
    expect((await applyAlertEvaluations(db, [stalled(true)], { deliver: false })).raised).toEqual(["stalled:trade:t-1:2"]);
    expect((await listAlerts(db, { state: "open", limit: 200 })).openCount).toBe(1);
  });

  it("acknowledging twice changes nothing the second time; an unknown id is null", async () => {
    await applyAlertEvaluations(db, [stalled(true)], { deliver: false });
    const first = await acknowledgeAlert(db, "stalled:trade:t-1:1", "a@ops.test", HERE);
    const second = await acknowledgeAlert(db, "stalled:trade:t-1:1", "b@ops.test", HERE);
    expect(first?.changed).toBe(true);
    expect(second).toMatchObject({ changed: false, alert: { acknowledgedBy: "a@ops.test" } });
    expect(await acknowledgeAlert(db, "nope", "a@ops.test", HERE)).toBeNull();
    expect(await auditActions(db)).toEqual(["acknowledge"]);
  });

  it("every change moves the cursor, so a reader catches up on what it missed", async () => {
    await applyAlertEvaluations(db, [stalled(true, "t-1"), stalled(true, "t-2")], { deliver: false });
    const { cursor } = await listAlerts(db, { state: "all", limit: 200 });
    await snoozeAlert(db, "stalled:trade:t-2:1", 30, "a@ops.test", HERE);
    const changes = await alertChangesSince(db, cursor);
    expect(changes.alerts.map((alert) => alert.id)).toEqual(["stalled:trade:t-2:1"]);
    expect(changes.alerts[0]?.snoozedUntil).not.toBeNull();
    expect(changes.cursor).toBeGreaterThan(cursor);
    expect((await alertChangesSince(db, changes.cursor)).alerts).toEqual([]);
    expect(await acknowledgeAllAlerts(db, "a@ops.test", HERE)).toBe(2);
    expect((await listAlerts(db, { state: "open", limit: 200 })).openCount).toBe(0);
  });

  it("keeps a trade's notes and assignee, and assigns its open alerts", async () => {
    await applyAlertEvaluations(db, [stalled(true)], { deliver: false });
    await addTradeNote(db, "t-1", "<b>called the user</b>", "a@ops.test", HERE);
    expect(await assignTrade(db, "t-1", "b@ops.test", "a@ops.test", HERE)).toEqual({ assignee: "b@ops.test" });
    const team = await readTradeTeam(db, "t-1");
    expect(team.assignee).toBe("b@ops.test");
    expect(team.notes.map((note) => [note.author, note.text])).toEqual([["a@ops.test", "<b>called the user</b>"]]);
    expect(team.alerts[0]?.assignee).toBe("b@ops.test");
    expect((await auditActions(db)).sort()).toEqual(["assign", "note"]);
  });
});
