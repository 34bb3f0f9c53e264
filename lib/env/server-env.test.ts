import { describe, expect, it } from "vitest";
import { REAL_MODE_ENV, STAFF_HASH } from "./testing/real-mode-env";
import { EnvError } from "./env-error";
import { parseEnv } from "./server-env";

const valid = REAL_MODE_ENV;

function errorLine(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as Error).message;
    expect(message).not.toContain("\n");
    return message;
  }
  throw new Error("expected parseEnv to fail");
}

describe("parseEnv", () => {
  it("applies the documented defaults", () => {
    const env = parseEnv(valid);
    expect(env).toMatchObject({
      apiKey: "ap_live_123",
      apiUrl: "https://api.assetpay.co",
      wsUrl: "https://api.assetpay.co",
      apiSecret: null,
      merchantId: null,
      tokenTtlSeconds: 900,
      sessionMaxAgeSeconds: 8 * 3600,
      databaseUrl: null,
      demo: null,
    });
    expect(env.staffAccounts).toEqual([{ email: "ops@example.test", role: "operator", passwordHash: STAFF_HASH }]);
  });

  it("reads the optional settings and strips trailing slashes", () => {
    const env = parseEnv({
      ...valid,
      ASSETPAY_API_URL: "http://127.0.0.1:4010/",
      ASSETPAY_WS_URL: "wss://ws.example.test/",
      ASSETPAY_API_SECRET: "s3cret",
      ASSETPAY_MERCHANT_ID: "merchant-1",
      ASSETPAY_TOKEN_TTL_SECONDS: "60",
      AUTH_SESSION_MAX_AGE_SECONDS: "3600",
      DATABASE_URL: "postgres://u:p@localhost:5432/ops",
      ASSETPAY_DEMO: "1",
      ASSETPAY_DEMO_EMAIL: "demo@assetpay.local",
    });
    expect(env).toMatchObject({
      apiUrl: "http://127.0.0.1:4010",
      wsUrl: "wss://ws.example.test",
      apiSecret: "s3cret",
      merchantId: "merchant-1",
      tokenTtlSeconds: 60,
      sessionMaxAgeSeconds: 3600,
      databaseUrl: "postgres://u:p@localhost:5432/ops",
      demo: { email: "demo@assetpay.local" },
    });
  });

  it("defaults the socket origin to the API URL", () => {
    expect(parseEnv({ ...valid, ASSETPAY_API_URL: "http://127.0.0.1:9" }).wsUrl).toBe("http://127.0.0.1:9");
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ ...valid, ASSETPAY_API_SECRET: "", DATABASE_URL: "  " })).toMatchObject({ apiSecret: null, databaseUrl: null });
  });

  it.each([
    [{ ASSETPAY_API_KEY: undefined }, /^ASSETPAY_API_KEY: not set; expected the merchant API key/],
    [{ ASSETPAY_API_KEY: "ap key" }, /^ASSETPAY_API_KEY: expected the merchant API key/],
    [{ ASSETPAY_API_URL: "ftp://x" }, /^ASSETPAY_API_URL: expected an http\(s\) URL/],
    [{ ASSETPAY_API_URL: "not a url" }, /^ASSETPAY_API_URL: expected an http\(s\) URL/],
    [{ ASSETPAY_WS_URL: "gopher://x" }, /^ASSETPAY_WS_URL: expected an http\(s\) or ws\(s\) URL/],
    [{ ASSETPAY_API_SECRET: "two words" }, /^ASSETPAY_API_SECRET: expected the merchant API secret/],
    [{ ASSETPAY_MERCHANT_ID: "a b" }, /^ASSETPAY_MERCHANT_ID: expected the AssetPay merchant id/],
    [{ ASSETPAY_TOKEN_STEAM_ID: undefined }, /^ASSETPAY_TOKEN_STEAM_ID: not set; expected a 17-digit SteamID64 starting 76561 \(required when ASSETPAY_API_KEY is set\)$/],
    [{ ASSETPAY_TOKEN_STEAM_ID: "12345678901234567" }, /^ASSETPAY_TOKEN_STEAM_ID: expected a 17-digit SteamID64 starting 76561$/],
    [{ ASSETPAY_TOKEN_STEAM_ID: "7656119800000000" }, /^ASSETPAY_TOKEN_STEAM_ID: expected a 17-digit SteamID64 starting 76561$/],
    [{ ASSETPAY_TOKEN_TRADE_URL: undefined }, /^ASSETPAY_TOKEN_TRADE_URL: not set; expected a Steam trade URL/],
    [{ ASSETPAY_TOKEN_TRADE_URL: "https://steamcommunity.com/tradeoffer/new/?partner=1&token=short" }, /^ASSETPAY_TOKEN_TRADE_URL: expected a Steam trade URL/],
    [{ ASSETPAY_TOKEN_TTL_SECONDS: "0" }, /^ASSETPAY_TOKEN_TTL_SECONDS: expected seconds, a whole number from 1 to 86400$/],
    [{ ASSETPAY_TOKEN_TTL_SECONDS: "86401" }, /^ASSETPAY_TOKEN_TTL_SECONDS: expected seconds, a whole number from 1 to 86400$/],
    [{ ASSETPAY_TOKEN_TTL_SECONDS: "1.5" }, /^ASSETPAY_TOKEN_TTL_SECONDS: expected seconds/],
    [{ STAFF_ACCOUNTS: undefined }, /^STAFF_ACCOUNTS: not set; expected comma-separated email:bcrypt-hash or email:role:bcrypt-hash entries/],
    [{ STAFF_ACCOUNTS: "ops@example.test" }, /^STAFF_ACCOUNTS: expected .*entry 1 has no ":"/],
    [{ AUTH_SECRET: undefined }, /^AUTH_SECRET: not set; expected at least 32 random characters/],
    [{ AUTH_SECRET: "short" }, /^AUTH_SECRET: expected at least 32 random characters/],
    [{ AUTH_SESSION_MAX_AGE_SECONDS: "10" }, /^AUTH_SESSION_MAX_AGE_SECONDS: expected seconds, a whole number from 60 to 2592000$/],
    [{ DATABASE_URL: "mysql://x" }, /^DATABASE_URL: expected a Postgres URL/],
    [{ ASSETPAY_DEMO: "yes" }, /^ASSETPAY_DEMO: expected "1" or unset$/],
  ])("names the variable and what is expected: %o", (override, expected) => {
    expect(errorLine({ ...valid, ...override })).toMatch(expected);
  });

  it("never echoes a value in its error", () => {
    expect(errorLine({ ...valid, ASSETPAY_API_SECRET: "very secret value" })).not.toContain("very secret");
    expect(errorLine({ ...valid, AUTH_SECRET: "hunter2" })).not.toContain("hunter2");
  });
});

function envError(run: () => unknown): EnvError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return error as EnvError;
  }
  throw new Error("expected an EnvError");
}

const variables = (error: EnvError) => error.lines.map((line) => line.slice(0, line.indexOf(":")));

describe("parseEnv with several bad variables", () => {
  it("reports every one at once, one line each in the configuration table's order, never a value", () => {
    const bad = {
      ASSETPAY_API_SECRET: "two secret words",
      ASSETPAY_TOKEN_STEAM_ID: undefined,
      AUTH_SECRET: "hunter2",
      DATABASE_URL: "mysql://ops:pa55word@db/ops",
      RECORDER_RETENTION_DAYS: "forever",
    };
    const error = envError(() => parseEnv({ ...valid, ...bad }));
    expect(variables(error)).toEqual(["ASSETPAY_API_SECRET", "ASSETPAY_TOKEN_STEAM_ID", "AUTH_SECRET", "DATABASE_URL", "RECORDER_RETENTION_DAYS"]);
    expect(error.lines[1]).toMatch(/^ASSETPAY_TOKEN_STEAM_ID: not set; expected a 17-digit SteamID64/);
    expect(error.lines[4]).toMatch(/^RECORDER_RETENTION_DAYS: expected days, a whole number from 1 to 3650$/);
    expect(error.message.split("\n")).toEqual(error.lines);
    for (const value of ["two secret words", "hunter2", "pa55word", "forever"]) expect(error.message).not.toContain(value);
  });

  it("lists every required variable that is missing", () => {
    const error = envError(() => parseEnv({}));
    expect(variables(error)).toEqual(["ASSETPAY_API_KEY", "ASSETPAY_TOKEN_STEAM_ID", "ASSETPAY_TOKEN_TRADE_URL", "STAFF_ACCOUNTS", "AUTH_SECRET"]);
    for (const line of error.lines) expect(line).toMatch(/^[A-Z_]+: not set; expected /);
  });
});
