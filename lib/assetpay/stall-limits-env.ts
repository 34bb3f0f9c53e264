// The stall limits configured for this server (STALL_* variables, rules in ./stall-limits-schema),
// checked once and cached. Server-only by habit: the page hands the resulting numbers to the board,
// which shows them, but nothing else from the environment may travel with them.
import "server-only";
import type { StallLimits } from "@/lib/trades/stall-rules";
import { parseStallLimits } from "./stall-limits-schema";

export { STALL_VARIABLES, StallLimitsEnvError, parseStallLimits } from "./stall-limits-schema";

let cached: Partial<StallLimits> | null = null;

/** Limits set in the environment (ms); unset ones are absent. Throws StallLimitsEnvError on bad values. */
export function stallLimitsFromEnv(): Partial<StallLimits> {
  cached ??= parseStallLimits(process.env);
  return cached;
}
