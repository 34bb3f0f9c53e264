// The rules for every server setting (CONTRACT.md "Configuration"), as pure functions over a plain
// source object. `lib/env/server.ts` applies them once to process.env for the app; `scripts/start.ts`
// applies them before anything starts. This file holds rules only, never values, which is why it can skip
// `server-only`: plain Node scripts import it. Error messages name the variable and what is expected and
// never echo a value (it may be a secret).
import { z } from "zod";

export type EnvSource = Readonly<Record<string, string | undefined>>;

export const DEFAULT_API_URL = "https://api.assetpay.co";
export const DEFAULT_TOKEN_TTL_SECONDS = 900;
export const DEFAULT_SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
export const DEFAULT_RECORDER_DATA_DIR = ".data";
export const DEFAULT_RECONCILE_SECONDS = 60;
export const DEFAULT_RETENTION_DAYS = 30;
export const DEFAULT_SNAPSHOT_TERMINAL = 5_000;

/** One line, safe to print: `NAME: expected …`. */
export class EnvError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = "EnvError";
  }
}

export interface StaffAccount {
  /** Lowercased. */
  email: string;
  passwordHash: string;
}

export interface ServerEnv {
  apiKey: string;
  /** No trailing slash. */
  apiUrl: string;
  /** Socket.IO origin handed to the browser; no trailing slash. */
  wsUrl: string;
  /** Set: client tokens are signed locally (HS256) instead of via POST /auth/authenticate-client. */
  apiSecret: string | null;
  /** Merchant id for locally signed tokens; null: learned from an API-issued token. */
  merchantId: string | null;
  tokenSteamId: string;
  tokenTradeUrl: string;
  tokenTtlSeconds: number;
  staffAccounts: StaffAccount[];
  authSecret: string;
  sessionMaxAgeSeconds: number;
  databaseUrl: string | null;
  recorder: RecorderSettings;
  /** Set by `npm start` in demo mode so the sign-in page can say so. */
  demo: { email: string | null } | null;
}

/** The event recorder's settings (issue #6); the app reads the same ones to find the recorded data. */
export interface RecorderSettings {
  /** Where the embedded PGlite database lives when DATABASE_URL is unset (relative to the working directory). */
  dataDir: string;
  reconcileIntervalSeconds: number;
  /** Terminal trades and funding older than this are pruned. */
  retentionDays: number;
  /** How many of the most recent terminal trades a page load's snapshot carries (all in-flight ones always). */
  snapshotTerminalTrades: number;
}

/** What the recorder process needs: the API key and the database, not the staff sign-in settings. */
export interface RecorderEnv {
  apiKey: string;
  apiUrl: string;
  wsUrl: string;
  databaseUrl: string | null;
  recorder: RecorderSettings;
}

interface Rule<T> {
  schema: z.ZodType<T>;
  expected: string;
}

const STEAM_ID: Rule<string> = {
  schema: z.string().regex(/^76561\d{12}$/),
  expected: "a 17-digit SteamID64 starting 76561",
};
const TRADE_URL: Rule<string> = {
  schema: z.string().regex(/^https:\/\/steamcommunity\.com\/tradeoffer\/new\/\?partner=\d{1,10}&token=[A-Za-z0-9_-]{8}$/),
  expected: "a Steam trade URL like https://steamcommunity.com/tradeoffer/new/?partner=123456&token=AbCd_123",
};
const HTTP_URL: Rule<string> = {
  schema: z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, "")),
  expected: "an http(s) URL such as https://api.assetpay.co",
};
const WS_URL: Rule<string> = {
  schema: z.url({ protocol: /^(https?|wss?)$/ }).transform((url) => url.replace(/\/+$/, "")),
  expected: "an http(s) or ws(s) URL (the Socket.IO origin)",
};
const TOKEN: Rule<string> = { schema: z.string().regex(/^\S{1,512}$/), expected: "a single word without spaces" };
const AUTH_SECRET: Rule<string> = {
  schema: z.string().min(32),
  expected: "at least 32 random characters (make one with `openssl rand -base64 32`)",
};
const MERCHANT_ID: Rule<string> = { schema: z.string().regex(/^\S{1,128}$/), expected: "the AssetPay merchant id (no spaces)" };
const DATABASE_URL: Rule<string> = {
  schema: z.string().regex(/^postgres(ql)?:\/\/\S+$/),
  expected: "a Postgres URL (postgres://user:password@host:5432/db)",
};
const DATA_DIR: Rule<string> = {
  schema: z.string().regex(/^[^\0\n\r]{1,1024}$/),
  expected: "a directory path (default .data)",
};
const DEMO_FLAG: Rule<boolean> = { schema: z.literal("1").transform(() => true), expected: '"1" or unset' };
const EMAIL: Rule<string> = { schema: z.string().regex(/^[^\s@:,]+@[^\s@:,]+$/), expected: "an email address" };

function integerRule(min: number, max: number, what: string): Rule<number> {
  return {
    schema: z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(min).max(max)),
    expected: `${what}, a whole number from ${min} to ${max}`,
  };
}
const TTL = integerRule(1, 86_400, "seconds");
const SESSION_MAX_AGE = integerRule(60, 30 * 86_400, "seconds");
const PORT = integerRule(1, 65_535, "a TCP port");
const PORT_OR_ZERO = integerRule(0, 65_535, "a TCP port (0 = any free port)");
const RECONCILE_SECONDS = integerRule(5, 3_600, "seconds");
const RETENTION_DAYS = integerRule(1, 3_650, "days");
const SNAPSHOT_TERMINAL = integerRule(0, 100_000, "a number of trades");

/** A value, trimmed; empty counts as unset (`NAME=` lines in .env files). */
function raw(source: EnvSource, name: string): string | undefined {
  const value = source[name]?.trim();
  return value ? value : undefined;
}

function optional<T>(source: EnvSource, name: string, rule: Rule<T>): T | undefined {
  const value = raw(source, name);
  if (value === undefined) return undefined;
  const parsed = rule.schema.safeParse(value);
  if (!parsed.success) throw new EnvError(name, `expected ${rule.expected}`);
  return parsed.data;
}

function required<T>(source: EnvSource, name: string, rule: Rule<T>, why: string): T {
  const value = optional(source, name, rule);
  if (value === undefined) throw new EnvError(name, `not set; expected ${rule.expected} (${why})`);
  return value;
}

const BCRYPT_HASH = /^\$2[aby]\$(0[4-9]|[12]\d|3[01])\$[./A-Za-z0-9]{53}$/;
const STAFF_EXPECTED = "comma-separated email:bcrypt-hash pairs (make a hash with `npm run staff:hash -- 'password'`)";

/**
 * `email:hash,email:hash`. Split on the FIRST colon only: the email has none, and a bcrypt hash has `$`
 * but neither commas nor colons.
 */
export function parseStaffAccounts(value: string): StaffAccount[] {
  const fail = (detail: string): never => {
    throw new EnvError("STAFF_ACCOUNTS", `expected ${STAFF_EXPECTED}; ${detail}`);
  };
  const accounts: StaffAccount[] = [];
  const seen = new Set<string>();
  const entries = value.split(",").map((entry) => entry.trim());
  entries.forEach((entry, index) => {
    const position = `entry ${index + 1}`;
    if (entry === "") fail(`${position} is empty`);
    const colon = entry.indexOf(":");
    // Nothing of an entry without a colon is echoed: it might be a pasted password.
    if (colon < 0) fail(`${position} has no ":" between email and hash`);
    const email = entry.slice(0, colon).trim().toLowerCase();
    const passwordHash = entry.slice(colon + 1).trim();
    if (!EMAIL.schema.safeParse(email).success) fail(`${position} does not start with an email address`);
    if (!BCRYPT_HASH.test(passwordHash)) fail(`${position} (${email}) has no valid bcrypt hash after the colon`);
    if (seen.has(email)) fail(`${email} is listed twice`);
    seen.add(email);
    accounts.push({ email, passwordHash });
  });
  return accounts;
}

function staffAccounts(source: EnvSource, why: string | null): StaffAccount[] | undefined {
  const value = raw(source, "STAFF_ACCOUNTS");
  if (value === undefined) {
    if (why === null) return undefined;
    throw new EnvError("STAFF_ACCOUNTS", `not set; expected ${STAFF_EXPECTED} (${why})`);
  }
  return parseStaffAccounts(value);
}

export function parseRecorderSettings(source: EnvSource): RecorderSettings {
  return {
    dataDir: optional(source, "RECORDER_DATA_DIR", DATA_DIR) ?? DEFAULT_RECORDER_DATA_DIR,
    reconcileIntervalSeconds: optional(source, "RECORDER_RECONCILE_SECONDS", RECONCILE_SECONDS) ?? DEFAULT_RECONCILE_SECONDS,
    retentionDays: optional(source, "RECORDER_RETENTION_DAYS", RETENTION_DAYS) ?? DEFAULT_RETENTION_DAYS,
    snapshotTerminalTrades: optional(source, "RECORDER_SNAPSHOT_TERMINAL", SNAPSHOT_TERMINAL) ?? DEFAULT_SNAPSHOT_TERMINAL,
  };
}

/** `npm run recorder`: only what the recorder uses, so it can run on a machine without staff accounts. */
export function parseRecorderEnv(source: EnvSource): RecorderEnv {
  const why = "the recorder connects to AssetPay with it; `npm start` sets it in demo mode";
  const apiKey = required(source, "ASSETPAY_API_KEY", { ...TOKEN, expected: "the merchant API key (ap_…)" }, why);
  const apiUrl = optional(source, "ASSETPAY_API_URL", HTTP_URL) ?? DEFAULT_API_URL;
  const wsUrl = optional(source, "ASSETPAY_WS_URL", WS_URL) ?? apiUrl;
  const databaseUrl = optional(source, "DATABASE_URL", DATABASE_URL) ?? null;
  return { apiKey, apiUrl, wsUrl, databaseUrl, recorder: parseRecorderSettings(source) };
}

/**
 * Everything the running dashboard needs. Throws `EnvError` (one printable line) on the first missing or
 * malformed variable, checked in the order of CONTRACT.md's table.
 */
export function parseEnv(source: EnvSource): ServerEnv {
  const realMode = "required by the dashboard server; leave it unset and use `npm start` for demo mode";
  const apiKey = required(source, "ASSETPAY_API_KEY", { ...TOKEN, expected: "the merchant API key (ap_…)" }, realMode);
  const apiUrl = optional(source, "ASSETPAY_API_URL", HTTP_URL) ?? DEFAULT_API_URL;
  const wsUrl = optional(source, "ASSETPAY_WS_URL", WS_URL) ?? apiUrl;
  const apiSecret = optional(source, "ASSETPAY_API_SECRET", { ...TOKEN, expected: "the merchant API secret (no spaces)" }) ?? null;
  const merchantId = optional(source, "ASSETPAY_MERCHANT_ID", MERCHANT_ID) ?? null;
  const needed = "required when ASSETPAY_API_KEY is set";
  const tokenSteamId = required(source, "ASSETPAY_TOKEN_STEAM_ID", STEAM_ID, needed);
  const tokenTradeUrl = required(source, "ASSETPAY_TOKEN_TRADE_URL", TRADE_URL, needed);
  const tokenTtlSeconds = optional(source, "ASSETPAY_TOKEN_TTL_SECONDS", TTL) ?? DEFAULT_TOKEN_TTL_SECONDS;
  const accounts = staffAccounts(source, "nobody could sign in") ?? [];
  const authSecret = required(source, "AUTH_SECRET", AUTH_SECRET, "signs staff sessions");
  const sessionMaxAgeSeconds = optional(source, "AUTH_SESSION_MAX_AGE_SECONDS", SESSION_MAX_AGE) ?? DEFAULT_SESSION_MAX_AGE_SECONDS;
  const databaseUrl = optional(source, "DATABASE_URL", DATABASE_URL) ?? null;
  const recorder = parseRecorderSettings(source);
  const demo = optional(source, "ASSETPAY_DEMO", DEMO_FLAG) ?? false;
  const demoEmail = optional(source, "ASSETPAY_DEMO_EMAIL", EMAIL) ?? null;
  return {
    apiKey,
    apiUrl,
    wsUrl,
    apiSecret,
    merchantId,
    tokenSteamId,
    tokenTradeUrl,
    tokenTtlSeconds,
    staffAccounts: accounts,
    authSecret,
    sessionMaxAgeSeconds,
    databaseUrl,
    recorder,
    demo: demo ? { email: demoEmail } : null,
  };
}

export interface StartPlan {
  mode: "real" | "demo";
  port: number;
  /** Demo mode only: where to start the simulator (default 4010; taken → any free port). */
  simPort: number;
}

/**
 * What `npm start` checks before starting anything. Real mode (ASSETPAY_API_KEY set): the full app check.
 * Demo mode: whatever the operator did set must still be well-formed; the rest `npm start` fills in.
 */
export function checkStartEnv(source: EnvSource): StartPlan {
  const port = optional(source, "PORT", PORT) ?? 3000;
  if (raw(source, "ASSETPAY_API_KEY") !== undefined) {
    parseEnv(source);
    return { mode: "real", port, simPort: 0 };
  }
  const simPort = optional(source, "SIM_PORT", PORT_OR_ZERO) ?? 4010;
  optional(source, "ASSETPAY_TOKEN_STEAM_ID", STEAM_ID);
  optional(source, "ASSETPAY_TOKEN_TRADE_URL", TRADE_URL);
  optional(source, "ASSETPAY_TOKEN_TTL_SECONDS", TTL);
  staffAccounts(source, null);
  optional(source, "AUTH_SECRET", AUTH_SECRET);
  optional(source, "AUTH_SESSION_MAX_AGE_SECONDS", SESSION_MAX_AGE);
  optional(source, "DATABASE_URL", DATABASE_URL);
  parseRecorderSettings(source);
  optional(source, "DEMO_PASSWORD", { schema: z.string().min(8), expected: "at least 8 characters" });
  return { mode: "demo", port, simPort };
}
