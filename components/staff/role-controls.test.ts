// What each role finds drawn on the page, rendered as the server would (no effects run): a viewer sees
// the alerts, the assignee and the notes but no control it cannot use, and no Steam trade URL; an
// operator sees every control, including the Assignee picker; outside a StaffProvider nothing is drawn.
import { createElement, type ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DEFAULT_ALERT_PREFERENCES } from "@/components/alerts/alert-preferences";
import { AlertItem } from "@/components/alerts/alert-item";
import { AlertsContext, type AlertsContextValue } from "@/components/alerts/alerts-context";
import { AlertsPanel } from "@/components/alerts/alerts-panel";
import { TradeDetails } from "@/components/trade-board/trade-details";
import { TradeTeam } from "@/components/trade-board/trade-team";
import type { StaffRole } from "@/lib/auth/roles";
import { makeAlert } from "@/lib/live/testing/alert-fixture";
import { createAlertsStore } from "@/lib/store/alerts-store";
import { createOpsStore } from "@/lib/store/ops-store";
import { OpsStoreContext } from "@/lib/store/ops-store-context";
import { makeTrade, T0 } from "@/lib/trades/test-fixtures";
import { StaffContext, type StaffContextValue } from "./staff-context";

const ME = "ops@example.test";
const LEAD = "lead@example.test";
const TRADE_URL = "https://steamcommunity.com/tradeoffer/new/?partner=1&token=abcdefgh";
const NOW = Date.parse("2026-12-06T10:05:00.000Z");

function render(role: StaffRole | null, node: ReactElement): string {
  const alertsStore = createAlertsStore(NOW);
  alertsStore.getState().applyAlert(makeAlert({ id: "al-1", tradeId: "t-1", assignee: LEAD }));
  alertsStore.getState().applyTradeTeam("t-1", {
    alerts: [makeAlert({ id: "al-1", tradeId: "t-1", assignee: LEAD })],
    notes: [{ id: "n-1", tradeId: "t-1", author: LEAD, text: "Called the customer", at: "2026-12-06T10:01:00.000Z" }],
    assignee: LEAD,
  });
  const opsStore = createOpsStore({ now: T0 });
  opsStore.getState().ingest([
    { kind: "trade", trade: makeTrade({ id: "t-1", clientTradeUrl: TRADE_URL }), contract: "current", unknownStatus: null, receivedAt: T0 },
  ]);
  const alerts: AlertsContextValue = {
    // A server render reads a zustand store's initial state; here that is the state set up above.
    store: { ...alertsStore, getInitialState: alertsStore.getState },
    email: ME,
    preferences: DEFAULT_ALERT_PREFERENCES,
    setPreference: () => undefined,
    openTrade: () => undefined,
    onOpenTrade: () => () => undefined,
  };
  const staff: StaffContextValue | null =
    role === null
      ? null
      : {
          email: ME,
          role,
          directory: { status: "ready", staff: [{ email: LEAD, role: "admin" }, { email: ME, role: "operator" }] },
          loadDirectory: () => undefined,
        };
  const inAlerts = createElement(AlertsContext.Provider, { value: alerts }, createElement(OpsStoreContext, { value: opsStore }, node));
  return renderToString(createElement(StaffContext.Provider, { value: staff }, inAlerts));
}

/** Rendered HTML without React's text separators (`<!-- -->`). */
const html = (role: StaffRole | null, node: ReactElement) => render(role, node).replaceAll("<!-- -->", "");

/** The text of the buttons and labels in rendered HTML, in order. */
function controls(markup: string): string[] {
  const names: string[] = [];
  for (const match of markup.matchAll(/<(button|label)[^>]*>(.*?)<\/\1>/gs)) names.push(match[2]?.replace(/<[^>]+>/g, "").trim() ?? "");
  return names;
}

const team = () => createElement(TradeTeam, { tradeId: "t-1" });
const item = () => createElement(AlertItem, { alert: makeAlert({ id: "al-1", tradeId: "t-1", assignee: LEAD }), onOpened: () => undefined });
const panel = () => createElement(AlertsPanel, { id: "alerts", onClose: () => undefined });
const details = () => createElement(TradeDetails, { id: "t-1", onClose: () => undefined });

describe("controls by role", () => {
  it("a viewer's trade detail shows the assignee, the open alert and the notes, and no control", () => {
    const viewer = html("viewer", team());
    expect(viewer).toContain(`Assigned to ${LEAD}.`);
    expect(viewer).toContain("1 open alert");
    expect(viewer).toContain("Called the customer");
    expect(controls(viewer)).toEqual([]);
    expect(viewer).not.toContain("<textarea");
    expect(viewer).not.toContain("<select");
  });

  it("an operator's trade detail has Acknowledge, Assign to me, the Assignee picker, Snooze and Add note", () => {
    const operator = html("operator", team());
    expect(controls(operator)).toEqual(["Acknowledge", "Assign to me", "Snooze for", "Snooze", "Assignee", "Assign", "Unassign", "Note", "Add note"]);
    expect(operator).toContain(`<option value="${LEAD}" selected="">${LEAD} (Admin)</option>`);
    expect(operator).toContain(`${ME} (you)`);
  });

  it("outside a StaffProvider, the trade detail draws no control", () => {
    expect(controls(html(null, team()))).toEqual([]);
  });

  it("a viewer's alert item and Alerts region show the alert and its assignee but no Acknowledge, Assign… or Acknowledge all", () => {
    const viewerItem = html("viewer", item());
    expect(viewerItem).toContain(`Assigned to ${LEAD}`);
    expect(controls(viewerItem)).toEqual(["t-1(CS2)"]);
    const viewerPanel = html("viewer", panel());
    expect(controls(viewerPanel).filter((name) => /Acknowledge|Assign/.test(name))).toEqual([]);
    expect(viewerPanel).toContain('data-alert-id="al-1"');

    expect(controls(html("operator", item()))).toEqual(["t-1(CS2)", "Assign…", "Acknowledge"]);
    expect(controls(html("operator", panel()))).toContain("Acknowledge all");
  });

  it("shows the Steam trade URL to an operator and an admin, never to a viewer", () => {
    expect(html("operator", details())).toContain(TRADE_URL.replaceAll("&", "&amp;"));
    expect(html("admin", details())).toContain(TRADE_URL.replaceAll("&", "&amp;"));
    const viewer = html("viewer", details());
    expect(viewer).not.toContain("tradeoffer");
    expect(viewer).not.toContain("Trade URL");
    expect(viewer).toContain("76561198000000001");
  });
});
