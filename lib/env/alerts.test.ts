import { describe, expect, it } from "vitest";
import { z } from "zod";
import { EnvError } from "./env-error";
import { alertFields, dashboardUrlOf, toAlertSettings } from "./alerts";
import { parseSettings } from "./setting";

const parse = (source: Record<string, string>) => parseSettings(z.object(alertFields).transform(toAlertSettings), source);

describe("alert settings", () => {
  it("defaults: funding stuck after 30 min, no webhook, links to the local port, alerts kept 90 days", () => {
    const settings = parse({});
    expect(settings).toEqual({ fundingStuckMs: 1_800_000, webhookUrl: null, dashboardUrl: null, retentionDays: 90 });
    expect(dashboardUrlOf(settings, 3000)).toBe("http://127.0.0.1:3000");
  });

  it("takes a webhook URL, a dashboard URL and a funding limit", () => {
    const settings = parse({ ALERT_WEBHOOK_URL: "https://hooks.example/x", DASHBOARD_URL: "https://ops.example/", ALERT_FUNDING_STUCK_SECONDS: "600" });
    expect(settings.webhookUrl).toBe("https://hooks.example/x");
    expect(settings.fundingStuckMs).toBe(600_000);
    expect(dashboardUrlOf(settings, 3000)).toBe("https://ops.example");
  });

  it("takes an alert retention in days, from 1 to 3650, and names the variable when it is bad", () => {
    expect(parse({ ALERT_RETENTION_DAYS: "7" }).retentionDays).toBe(7);
    for (const bad of ["0", "3651", "a week", "1.5"]) {
      expect(() => parse({ ALERT_RETENTION_DAYS: bad })).toThrow(/ALERT_RETENTION_DAYS/);
    }
  });

  it("refuses a non-http webhook URL and a funding limit that is not a number of seconds", () => {
    expect(() => parse({ ALERT_WEBHOOK_URL: "ftp://x.example/" })).toThrow(EnvError);
    expect(() => parse({ ALERT_WEBHOOK_URL: "not a url" })).toThrow(EnvError);
    expect(() => parse({ ALERT_FUNDING_STUCK_SECONDS: "soon" })).toThrow(EnvError);
  });
});
