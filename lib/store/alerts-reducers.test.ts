import { describe, expect, it } from "vitest";
import { makeAlert } from "@/lib/live/testing/alert-fixture";
import { applyAlertChange, applyAlertsSnapshot, applyOpenCount, applyTradeNote, applyTradeTeam, createAlertsState } from "./alerts-reducers";
import { alertsNewestFirst, assignedTradeIds, attentionCount, attentionTradeIds } from "./alerts-selectors";
import { createAlertsStore } from "./alerts-store";

const NOW = Date.parse("2026-12-06T12:00:00.000Z");

describe("alerts reducers", () => {
  it("keeps the newer version of an alert and ignores older ones", () => {
    let state = createAlertsState(NOW);
    state = applyAlertChange(state, makeAlert({ version: 2, assignee: "a@x" }));
    const same = applyAlertChange(state, makeAlert({ version: 1 }));
    expect(same).toBe(state);
    state = applyAlertChange(state, makeAlert({ version: 3, acknowledgedAt: "2026-12-06T11:00:00.000Z" }));
    expect(state.alerts.get("al-1")?.version).toBe(3);
  });

  it("lets a snapshot replace the list but not undo a newer version already held", () => {
    let state = applyAlertChange(createAlertsState(NOW), makeAlert({ id: "gone", version: 1 }));
    state = applyAlertChange(state, makeAlert({ id: "kept", version: 5, assignee: "me@x" }));
    state = applyAlertsSnapshot(state, { alerts: [makeAlert({ id: "kept", version: 4 }), makeAlert({ id: "new", version: 1 })], openCount: 2 });
    expect([...state.alerts.keys()].sort()).toEqual(["kept", "new"]);
    expect(state.alerts.get("kept")?.assignee).toBe("me@x");
    expect(state.openCount).toBe(2);
    expect(state.loaded).toBe(true);
  });

  it("takes the server's open count and a trade's team state", () => {
    let state = applyOpenCount(createAlertsState(NOW), 4);
    expect(state.openCount).toBe(4);
    state = applyTradeTeam(state, "t-9", { alerts: [makeAlert({ id: "a9", tradeId: "t-9" })], notes: [], assignee: "me@x" });
    expect(state.teams["t-9"]?.assignee).toBe("me@x");
    expect(state.alerts.has("a9")).toBe(true);
    const note = { id: "n1", tradeId: "t-9", author: "me@x", text: "<b>hi</b>", at: "2026-12-06T11:00:00.000Z" };
    state = applyTradeNote(state, note);
    expect(applyTradeNote(state, note)).toBe(state);
    expect(state.teams["t-9"]?.notes).toEqual([note]);
  });

  it("runs events through the store's actions", () => {
    const store = createAlertsStore(NOW);
    store.getState().applyEvent({ type: "snapshot", alerts: [makeAlert()], openCount: 1, cursor: 1, malformed: [] });
    store.getState().applyEvent({ type: "count", openCount: 0 });
    store.getState().countMalformed("alert: expected string");
    expect(store.getState().alerts.size).toBe(1);
    expect(store.getState().openCount).toBe(0);
    expect(store.getState().malformed).toBe(1);
  });
});

describe("alerts selectors", () => {
  const state = applyAlertsSnapshot(createAlertsState(NOW), {
    openCount: 3,
    alerts: [
      makeAlert({ id: "old", tradeId: "t-1", raisedAt: "2026-12-06T09:00:00.000Z" }),
      makeAlert({ id: "newest", tradeId: "t-2", raisedAt: "2026-12-06T11:00:00.000Z", assignee: "Me@x" }),
      makeAlert({ id: "snoozed", tradeId: "t-3", raisedAt: "2026-12-06T10:00:00.000Z", snoozedUntil: "2026-12-06T13:00:00.000Z" }),
      makeAlert({ id: "done", tradeId: "t-4", raisedAt: "2026-12-06T10:30:00.000Z", acknowledgedAt: "2026-12-06T10:31:00.000Z", assignee: "me@x" }),
    ],
  });

  it("lists newest first", () => {
    expect(alertsNewestFirst(state.alerts).map((a) => a.id)).toEqual(["newest", "done", "snoozed", "old"]);
  });

  it("counts open, not snoozed alerts as needing attention, and a snooze that ran out counts again", () => {
    expect(attentionCount(state)).toBe(2);
    expect([...attentionTradeIds(state)].sort()).toEqual(["t-1", "t-2"]);
    expect(attentionCount({ ...state, now: Date.parse("2026-12-06T13:00:01.000Z") })).toBe(3);
  });

  it("finds trades assigned to me through open alerts and known trade assignees", () => {
    expect([...assignedTradeIds(state, "me@x")]).toEqual(["t-2"]);
    const withTeam = applyTradeTeam(state, "t-7", { alerts: [], notes: [], assignee: "me@x" });
    expect([...assignedTradeIds(withTeam, "me@x")].sort()).toEqual(["t-2", "t-7"]);
  });
});
