// The recorded data's settings: where it is stored (DATABASE_URL, else PGlite in RECORDER_DATA_DIR) and
// the event recorder's timing. The recorder process checks them with `parseRecorderEnv`; the app reads
// the same ones to find the recorded data. Rules only (see ./setting).
import { z } from "zod";
import { type AssetPayConnection, connectionFields, MERCHANT_ID, STEAM_ID, toConnection, TRADE_URL } from "./assetpay";
import { type AlertSettings, alertFields, dashboardUrlOf, toAlertSettings } from "./alerts";
import { type EnvSource, integerRule, optional, parseSettings, type Rule } from "./setting";

export const DEFAULT_RECORDER_DATA_DIR = ".data";
export const DEFAULT_RECONCILE_SECONDS = 60;
export const DEFAULT_RETENTION_DAYS = 30;
export const DEFAULT_AUDIT_RETENTION_DAYS = 365;
export const DEFAULT_SNAPSHOT_TERMINAL = 5_000;
export const DEFAULT_ON_DEMAND_RECONCILE_SECONDS = 10;

const DATABASE_URL: Rule<string> = {
  schema: z.string().regex(/^postgres(ql)?:\/\/\S+$/),
  expected: "a Postgres URL (postgres://user:password@host:5432/db)",
};
const DATA_DIR: Rule<string> = {
  schema: z.string().regex(/^[^\0\n\r]{1,1024}$/),
  expected: "a directory path (default .data)",
};

/** All optional: every one has a default. */
export const storageFields = {
  DATABASE_URL: optional(DATABASE_URL),
  RECORDER_DATA_DIR: optional(DATA_DIR),
  RECORDER_RECONCILE_SECONDS: optional(integerRule(5, 3_600, "seconds")),
  RECORDER_RETENTION_DAYS: optional(integerRule(1, 3_650, "days")),
  AUDIT_RETENTION_DAYS: optional(integerRule(1, 3_650, "days")),
  RECORDER_SNAPSHOT_TERMINAL: optional(integerRule(0, 100_000, "a number of trades")),
  RECORDER_ON_DEMAND_RECONCILE_SECONDS: optional(integerRule(1, 3_600, "seconds")),
};

export interface RecorderSettings {
  /** Where the embedded PGlite database lives when DATABASE_URL is unset (relative to the working directory). */
  dataDir: string;
  reconcileIntervalSeconds: number;
  /** Terminal trades and funding older than this are pruned. */
  retentionDays: number;
  /** Audit log rows older than this are pruned (AUDIT_RETENTION_DAYS). */
  auditRetentionDays: number;
  /** How many of the most recent terminal trades a page load's snapshot carries (all in-flight ones always). */
  snapshotTerminalTrades: number;
  /** Browsers' resyncs start at most one extra reconcile per this many seconds, however many tabs ask. */
  onDemandReconcileSeconds: number;
}

export interface StorageSettings {
  databaseUrl: string | null;
  recorder: RecorderSettings;
}

export function toStorageSettings(values: z.output<z.ZodObject<typeof storageFields>>): StorageSettings {
  return {
    databaseUrl: values.DATABASE_URL ?? null,
    recorder: {
      dataDir: values.RECORDER_DATA_DIR ?? DEFAULT_RECORDER_DATA_DIR,
      reconcileIntervalSeconds: values.RECORDER_RECONCILE_SECONDS ?? DEFAULT_RECONCILE_SECONDS,
      retentionDays: values.RECORDER_RETENTION_DAYS ?? DEFAULT_RETENTION_DAYS,
      auditRetentionDays: values.AUDIT_RETENTION_DAYS ?? DEFAULT_AUDIT_RETENTION_DAYS,
      snapshotTerminalTrades: values.RECORDER_SNAPSHOT_TERMINAL ?? DEFAULT_SNAPSHOT_TERMINAL,
      onDemandReconcileSeconds: values.RECORDER_ON_DEMAND_RECONCILE_SECONDS ?? DEFAULT_ON_DEMAND_RECONCILE_SECONDS,
    },
  };
}

/** Whose store the recorder writes: the merchant id, or the token identity to learn it from AssetPay with. */
export interface RecorderScopeSettings {
  merchantId: string | null;
  tokenIdentity: { steamId: string; tradeUrl: string } | null;
}

/** What the recorder process needs: the API key and the database, not the staff sign-in settings. */
export type RecorderEnv = AssetPayConnection &
  StorageSettings &
  RecorderScopeSettings & {
    /** Alert limits and the webhook; `dashboardUrl` is resolved (DASHBOARD_URL, else the local PORT). */
    alerts: AlertSettings & { dashboardUrl: string };
  };

const recorderEnvSchema = z
  .object({
    ...connectionFields("the recorder connects to AssetPay with it; `npm start` sets it in demo mode"),
    ...storageFields,
    ASSETPAY_MERCHANT_ID: optional(MERCHANT_ID),
    ASSETPAY_TOKEN_STEAM_ID: optional(STEAM_ID),
    ASSETPAY_TOKEN_TRADE_URL: optional(TRADE_URL),
    ...alertFields,
    PORT: optional(integerRule(1, 65_535, "a TCP port")),
  })
  .transform(
    (values): RecorderEnv => ({
      ...toConnection(values),
      ...toStorageSettings(values),
      merchantId: values.ASSETPAY_MERCHANT_ID ?? null,
      tokenIdentity:
        values.ASSETPAY_TOKEN_STEAM_ID && values.ASSETPAY_TOKEN_TRADE_URL
          ? { steamId: values.ASSETPAY_TOKEN_STEAM_ID, tradeUrl: values.ASSETPAY_TOKEN_TRADE_URL }
          : null,
      alerts: (() => {
        const alerts = toAlertSettings(values);
        return { ...alerts, dashboardUrl: dashboardUrlOf(alerts, values.PORT ?? 3000) };
      })(),
    }),
  );

/** `npm run recorder`: only what the recorder uses, so it can run on a machine without staff accounts. */
export function parseRecorderEnv(source: EnvSource): RecorderEnv {
  return parseSettings(recorderEnvSchema, source);
}
