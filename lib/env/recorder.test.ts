import { describe, expect, it } from "vitest";
import { REAL_MODE_ENV } from "./testing/real-mode-env";
import { EnvError } from "./env-error";
import { parseRecorderEnv } from "./recorder";
import { parseEnv } from "./server-env";
import { checkStartEnv } from "./start-plan";

const app = REAL_MODE_ENV;

function line(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message;
  }
  throw new Error("expected an EnvError");
}

describe("parseRecorderEnv", () => {
  it("needs only the API key, with documented defaults", () => {
    expect(parseRecorderEnv({ ASSETPAY_API_KEY: "ap_live_123" })).toEqual({
      apiKey: "ap_live_123",
      apiUrl: "https://api.assetpay.co",
      wsUrl: "https://api.assetpay.co",
      budgetPerMinute: 60,
      databaseUrl: null,
      recorder: { dataDir: ".data", reconcileIntervalSeconds: 60, retentionDays: 30, auditRetentionDays: 365, snapshotTerminalTrades: 5000, onDemandReconcileSeconds: 10 },
      merchantId: null,
      tokenIdentity: null,
      alerts: { fundingStuckMs: 1_800_000, webhookUrl: null, dashboardUrl: "http://127.0.0.1:3000", retentionDays: 90 },
    });
  });

  it("reads whose store it is: the merchant id, or the token identity to learn it with", () => {
    expect(parseRecorderEnv({ ASSETPAY_API_KEY: "k", ASSETPAY_MERCHANT_ID: "mrc_1" })).toMatchObject({ merchantId: "mrc_1", tokenIdentity: null });
    expect(parseRecorderEnv({ ASSETPAY_API_KEY: "k", ASSETPAY_TOKEN_STEAM_ID: app.ASSETPAY_TOKEN_STEAM_ID, ASSETPAY_TOKEN_TRADE_URL: app.ASSETPAY_TOKEN_TRADE_URL })).toMatchObject({
      merchantId: null,
      tokenIdentity: { steamId: app.ASSETPAY_TOKEN_STEAM_ID, tradeUrl: app.ASSETPAY_TOKEN_TRADE_URL },
    });
    expect(line(() => parseRecorderEnv({ ASSETPAY_API_KEY: "k", ASSETPAY_MERCHANT_ID: "has space" }))).toMatch(/^ASSETPAY_MERCHANT_ID: expected/);
  });

  it("reads the storage and recorder settings", () => {
    expect(
      parseRecorderEnv({
        ASSETPAY_API_KEY: "ap_live_123",
        ASSETPAY_API_URL: "http://127.0.0.1:4010/",
        DATABASE_URL: "postgres://ops:pw@db:5432/ops",
        RECORDER_DATA_DIR: "/var/lib/assetpay-ops",
        RECORDER_RECONCILE_SECONDS: "30",
        RECORDER_RETENTION_DAYS: "7",
        AUDIT_RETENTION_DAYS: "2555",
        RECORDER_SNAPSHOT_TERMINAL: "0",
        RECORDER_ON_DEMAND_RECONCILE_SECONDS: "5",
        ASSETPAY_BUDGET_PER_MINUTE: "30",
      }),
    ).toMatchObject({
      apiUrl: "http://127.0.0.1:4010",
      wsUrl: "http://127.0.0.1:4010",
      budgetPerMinute: 30,
      databaseUrl: "postgres://ops:pw@db:5432/ops",
      recorder: { dataDir: "/var/lib/assetpay-ops", reconcileIntervalSeconds: 30, retentionDays: 7, auditRetentionDays: 2555, snapshotTerminalTrades: 0, onDemandReconcileSeconds: 5 },
    });
  });

  it.each([
    [{ ASSETPAY_API_KEY: undefined }, /^ASSETPAY_API_KEY: not set; expected the merchant API key \(ap_…\) \(the recorder connects/],
    [{ DATABASE_URL: "mysql://x" }, /^DATABASE_URL: expected a Postgres URL/],
    [{ RECORDER_RECONCILE_SECONDS: "1" }, /^RECORDER_RECONCILE_SECONDS: expected seconds, a whole number from 5 to 3600$/],
    [{ RECORDER_RETENTION_DAYS: "0" }, /^RECORDER_RETENTION_DAYS: expected days, a whole number from 1 to 3650$/],
    [{ AUDIT_RETENTION_DAYS: "forever" }, /^AUDIT_RETENTION_DAYS: expected days, a whole number from 1 to 3650$/],
    [{ ASSETPAY_BUDGET_PER_MINUTE: "0" }, /^ASSETPAY_BUDGET_PER_MINUTE: expected AssetPay REST requests per minute, a whole number from 1 to 3000$/],
    [{ RECORDER_ON_DEMAND_RECONCILE_SECONDS: "soon" }, /^RECORDER_ON_DEMAND_RECONCILE_SECONDS: expected seconds, a whole number from 1 to 3600$/],
    [{ RECORDER_SNAPSHOT_TERMINAL: "lots" }, /^RECORDER_SNAPSHOT_TERMINAL: expected a number of trades/],
  ])("names the variable in one line: %o", (override, expected) => {
    const message = line(() => parseRecorderEnv({ ASSETPAY_API_KEY: "ap_live_123", ...override }));
    expect(message).toMatch(expected);
    expect(message).not.toContain("\n");
  });

  it("never echoes DATABASE_URL (it carries a password)", () => {
    expect(line(() => parseRecorderEnv({ ASSETPAY_API_KEY: "k", DATABASE_URL: "mysql://u:hunter2@x" }))).not.toContain("hunter2");
  });
});

describe("recorder settings in the app and start checks", () => {
  it("are part of the app's settings", () => {
    expect(parseEnv({ ...app, RECORDER_DATA_DIR: "/srv/data" }).recorder).toMatchObject({ dataDir: "/srv/data", snapshotTerminalTrades: 5000 });
  });

  it("are checked by npm start in both modes", () => {
    expect(line(() => checkStartEnv({ RECORDER_RETENTION_DAYS: "-1" }))).toMatch(/^RECORDER_RETENTION_DAYS:/);
    expect(line(() => checkStartEnv({ ...app, RECORDER_RECONCILE_SECONDS: "x" }))).toMatch(/^RECORDER_RECONCILE_SECONDS:/);
  });
});

describe("parseRecorderEnv with several bad variables", () => {
  it("reports every one at once, never a value", () => {
    let caught: unknown = null;
    try {
      parseRecorderEnv({ ASSETPAY_WS_URL: "gopher://x", DATABASE_URL: "mysql://u:hunter2@x", RECORDER_RECONCILE_SECONDS: "1", RECORDER_DATA_DIR: "ok" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EnvError);
    const lines = (caught as EnvError).lines;
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^ASSETPAY_API_KEY: not set; /);
    expect(lines[1]).toMatch(/^ASSETPAY_WS_URL: expected /);
    expect(lines[2]).toMatch(/^DATABASE_URL: expected a Postgres URL/);
    expect(lines[3]).toMatch(/^RECORDER_RECONCILE_SECONDS: expected seconds, a whole number from 5 to 3600$/);
    expect((caught as Error).message).not.toContain("hunter2");
  });
});
