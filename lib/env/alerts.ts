// The alert settings: how long merchant funding may await an AssetPay admin before it is an alert
// (ALERT_FUNDING_STUCK_SECONDS), where new alerts are posted (ALERT_WEBHOOK_URL, optional), the
// dashboard's public address the webhook's links point at (DASHBOARD_URL, default the local port) and
// how long acknowledged or cleared alerts are kept (ALERT_RETENTION_DAYS). Rules only (see ./setting);
// the recorder raises, posts and prunes alerts, the board shows the limit.
import { z } from "zod";
import { integerRule, optional, type Rule } from "./setting";

export const DEFAULT_FUNDING_STUCK_SECONDS = 1_800;
export const DEFAULT_ALERT_RETENTION_DAYS = 90;

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
  ALERT_RETENTION_DAYS: optional(integerRule(1, 3_650, "days")),
};

export interface AlertSettings {
  /** Funding awaiting an admin longer than this is raised as "funding-failed". */
  fundingStuckMs: number;
  /** null: alerts are not posted anywhere. */
  webhookUrl: string | null;
  /** The dashboard's public URL for links; null: http://127.0.0.1:$PORT. */
  dashboardUrl: string | null;
  /** Acknowledged or cleared alerts are deleted this long after their last change (never open ones). */
  retentionDays: number;
}

export function toAlertSettings(values: z.output<z.ZodObject<typeof alertFields>>): AlertSettings {
  return {
    fundingStuckMs: (values.ALERT_FUNDING_STUCK_SECONDS ?? DEFAULT_FUNDING_STUCK_SECONDS) * 1000,
    webhookUrl: values.ALERT_WEBHOOK_URL ?? null,
    dashboardUrl: values.DASHBOARD_URL ?? null,
    retentionDays: values.ALERT_RETENTION_DAYS ?? DEFAULT_ALERT_RETENTION_DAYS,
  };
}

/** Where links in alerts point: DASHBOARD_URL, else the dashboard on this machine's port. */
export function dashboardUrlOf(settings: AlertSettings, port: number): string {
  return (settings.dashboardUrl ?? `http://127.0.0.1:${port}`).replace(/\/+$/, "");
}
