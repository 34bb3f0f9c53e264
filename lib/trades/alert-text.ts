// The one-line text of an alert for chat tools (Slack-compatible `text`): what, which trade or
// funding, why, and a link to it on the board (`/board?trade=<id>`, the detail drawer's URL). Pure.
import type { Alert, AlertKind } from "./alert-types";

const KIND_TITLE: Readonly<Record<AlertKind, string>> = {
  stalled: "Stalled",
  failed: "Failed",
  reverted: "Reverted",
  missing: "Missing",
  "funding-failed": "Funding problem",
};

/** The board URL that opens this alert's trade (or the board itself for funding). */
export function alertBoardUrl(alert: Pick<Alert, "tradeId">, dashboardUrl: string): string {
  const base = `${dashboardUrl.replace(/\/+$/, "")}/board`;
  return alert.tradeId === null ? base : `${base}?trade=${encodeURIComponent(alert.tradeId)}`;
}

export function alertText(alert: Pick<Alert, "kind" | "tradeId" | "fundingId" | "game" | "reason">, boardUrl: string): string {
  const subject =
    alert.tradeId !== null
      ? `${alert.game ? `${alert.game.toUpperCase()} ` : ""}trade ${alert.tradeId}`
      : `funding ${alert.fundingId ?? "?"}`;
  return `${KIND_TITLE[alert.kind]}: ${subject} — ${alert.reason} <${boardUrl}>`;
}
