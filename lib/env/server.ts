// The app's settings: process.env checked once against the rules in this folder, and cached.
// Server-only: none of these values may reach the browser, so nothing here is NEXT_PUBLIC_. Plain Node
// processes (scripts/start.ts, recorder/main.ts) apply the same rules to process.env themselves.
import "server-only";
import type { StallLimits } from "@/lib/trades/stall-rules";
import { parseEnv, type ServerEnv } from "./server-env";
import { parseStallLimits } from "./stall-limits";

let cachedEnv: ServerEnv | null = null;
let cachedStallLimits: Partial<StallLimits> | null = null;

/** The validated settings; throws `EnvError` on a missing or malformed variable. */
export function env(): ServerEnv {
  cachedEnv ??= parseEnv(process.env);
  return cachedEnv;
}

/**
 * The stall limits set in the environment (ms); unset ones are absent. Kept apart from `env()` so a bad
 * STALL_* value only breaks the board, which shows them, and not sign-in or the API.
 */
export function stallLimitsFromEnv(): Partial<StallLimits> {
  cachedStallLimits ??= parseStallLimits(process.env);
  return cachedStallLimits;
}
