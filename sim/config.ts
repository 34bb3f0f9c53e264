// SIM_* environment → SimulatorOptions, validated once with zod. A malformed variable produces one
// line naming it and what is expected; unset (or empty) variables fall back to server defaults.

import { z } from "zod";
import type { SimulatorOptions } from "./server";

const unsetIfEmpty = (value: unknown) => (value === "" ? undefined : value);

function integer(min: number, max: number, expected: string) {
  return z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^-?\d+$/, expected)
      .transform(Number)
      .pipe(z.number().int().min(min, expected).max(max, expected))
      .optional(),
  );
}

function decimal(min: number, max: number, expected: string, exclusiveMin = false) {
  return z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^\d+(\.\d+)?$/, expected)
      .transform(Number)
      .pipe(z.number().refine((n) => (exclusiveMin ? n > min : n >= min) && n <= max, expected))
      .optional(),
  );
}

function flag(truthy: readonly string[], falsy: readonly string[], expected: string) {
  return z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .transform((v) => v.toLowerCase())
      .refine((v) => truthy.includes(v) || falsy.includes(v), expected)
      .transform((v) => truthy.includes(v))
      .optional(),
  );
}

const text = (pattern: RegExp, expected: string) => z.preprocess(unsetIfEmpty, z.string().regex(pattern, expected).optional());

export const simEnvSchema = z.object({
  SIM_PORT: integer(0, 65_535, "an integer 0-65535"),
  SIM_HOST: text(/^[A-Za-z0-9.:[\]-]+$/, "a host name or IP address, e.g. 127.0.0.1"),
  SIM_API_KEY: text(/^ap_[A-Za-z0-9_-]{8,}$/, "an API key like ap_ followed by at least 8 of A-Z a-z 0-9 _ -"),
  SIM_API_SECRET: text(/^\S{16,}$/, "at least 16 non-space characters"),
  SIM_MERCHANT_ID: text(/^[A-Za-z0-9_.:-]{1,128}$/, "1-128 characters of A-Z a-z 0-9 _ . : -"),
  SIM_TOKEN_TTL_SECONDS: integer(1, 30 * 86_400, "an integer number of seconds 1-2592000"),
  SIM_RATE_LIMIT_PER_MIN: integer(1, 100_000_000, "a positive integer (requests per minute per API key)"),
  SIM_DISCONNECT_ON_EXPIRY: flag(["true", "1", "yes", "on"], ["false", "0", "no", "off"], "true or false"),
  SIM_SEED: text(/^\S{1,128}$/, "1-128 non-space characters"),
  SIM_SPEED: decimal(0, 1_000_000, "a number > 0 (simulated seconds per real second, e.g. 60)", true),
  SIM_RATE: decimal(0, 10_000, "a number 0-10000 (new trades per second)"),
  SIM_INITIAL_TRADES: integer(0, 1_000_000, "an integer 0-1000000"),
  SIM_CONTROL: flag(["on", "true", "1"], ["off", "false", "0"], "on or off"),
  SIM_MAX_TERMINAL_TRADES: integer(1, 10_000_000, "a positive integer"),
  SIM_CALLBACK_URL: text(/^https?:\/\/\S+$/, "an http(s) URL that receives signed trade callbacks"),
  SIM_CALLBACK_BEARER: text(/^[\x21-\x7e]{1,512}$/, "1-512 printable characters without spaces"),
});

export type SimConfigResult = { ok: true; options: SimulatorOptions } | { ok: false; message: string };

export function loadSimConfig(env: Record<string, string | undefined>): SimConfigResult {
  const parsed = simEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? "environment");
    const raw = env[name];
    return { ok: false, message: `Invalid ${name}: expected ${issue?.message ?? "a valid value"}${raw === undefined ? "" : ` (got ${JSON.stringify(raw)})`}` };
  }
  const e = parsed.data;
  const options: SimulatorOptions = {
    port: e.SIM_PORT,
    host: e.SIM_HOST,
    apiKey: e.SIM_API_KEY,
    apiSecret: e.SIM_API_SECRET,
    merchantId: e.SIM_MERCHANT_ID,
    tokenTtlSeconds: e.SIM_TOKEN_TTL_SECONDS,
    rateLimitPerMin: e.SIM_RATE_LIMIT_PER_MIN,
    disconnectOnExpiry: e.SIM_DISCONNECT_ON_EXPIRY,
    seed: e.SIM_SEED,
    speed: e.SIM_SPEED,
    rate: e.SIM_RATE,
    initialTrades: e.SIM_INITIAL_TRADES,
    control: e.SIM_CONTROL,
    maxTerminalTrades: e.SIM_MAX_TERMINAL_TRADES,
    callbackUrl: e.SIM_CALLBACK_URL,
    callbackBearer: e.SIM_CALLBACK_BEARER,
  };
  return { ok: true, options };
}
