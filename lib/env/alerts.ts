// The alert settings: how long merchant funding may await an AssetPay admin before it is an alert
// (ALERT_FUNDING_STUCK_SECONDS), where new alerts are posted (ALERT_WEBHOOK_URL, optional) and the
// dashboard's public address the webhook's links point at (DASHBOARD_URL, default the local port).
// Rules only (see ./setting); the recorder raises and posts alerts, the board shows the limit.
import { z } from "zod";
import { integerRule, optional, type Rule } from "./setting";

export const DEFAULT_FUNDING_STUCK_SECONDS = 1_800;

const HTTP_URL: Rule<string> = {
  schema: z
    .string()
    .max(2_048)
    .url()
    .refine((value) => /^https?:\/\//i.test(value)),
  expected: "an http:// or https:// URL",
};

export const alertFields = {
  ALERT_FUNDING_STUCK_SECONDS: optional(integerRule(60, 30 * 86_400, "seconds (funding awaiting admin)")),
  ALERT_WEBHOOK_URL: optional(HTTP_URL),
  DASHBOARD_URL: optional(HTTP_URL),
};

export interface AlertSettings {
  /** Funding awaiting an admin longer than this is raised as "funding-failed". */
  fundingStuckMs: number;
  /** null: alerts are not posted anywhere. */
  webhookUrl: string | null;
  /** The dashboard's public URL for links; null: http://127.0.0.1:$PORT. */
  dashboardUrl: string | null;
}

export function toAlertSettings(values: z.output<z.ZodObject<typeof alertFields>>): AlertSettings {
  return {
    fundingStuckMs: (values.ALERT_FUNDING_STUCK_SECONDS ?? DEFAULT_FUNDING_STUCK_SECONDS) * 1000,
    webhookUrl: values.ALERT_WEBHOOK_URL ?? null,
    dashboardUrl: values.DASHBOARD_URL ?? null,
  };
}

/** Where links in alerts point: DASHBOARD_URL, else the dashboard on this machine's port. */
export function dashboardUrlOf(settings: AlertSettings, port: number): string {
  return (settings.dashboardUrl ?? `http://127.0.0.1:${port}`).replace(/\/+$/, "");
}
