// The rules for the STALL_* settings (how long a trade may sit in a status before the board calls it
// stalled), as a pure function over a plain source object. `server.ts` applies it once to
// process.env for the app; `scripts/start.ts` can apply it before anything starts. Rules only, never
// values, so it can skip `server-only`. Every bad variable gets its own line naming it and what is expected.
import { z } from "zod";
import type { StallLimits } from "@/lib/trades/stall-rules";
import type { EnvSource } from "./server-env";

const DAY_SECONDS = 86_400;
const MAX_SECONDS = 30 * DAY_SECONDS;

interface StallVariable {
  name: string;
  key: keyof StallLimits;
  min: number;
  /** For the "Stall rules" list and the error line. */
  meaning: string;
}

/** Every STALL_* variable, in the order the UI lists them. Values are seconds. */
export const STALL_VARIABLES: readonly StallVariable[] = [
  { name: "STALL_DEPOSIT_INITIATED_SECONDS", key: "depositInitiatedMs", min: 1, meaning: "deposit initiated (offer not sent)" },
  { name: "STALL_DEPOSIT_PENDING_SECONDS", key: "depositPendingMs", min: 1, meaning: "deposit pending (bot not confirmed)" },
  { name: "STALL_WITHDRAW_INITIATED_SECONDS", key: "withdrawInitiatedMs", min: 1, meaning: "withdraw initiated (approval callback)" },
  { name: "STALL_WITHDRAW_PENDING_SECONDS", key: "withdrawPendingMs", min: 1, meaning: "withdraw pending (sourcing items)" },
  { name: "STALL_ACTIVE_SECONDS", key: "activeMs", min: 1, meaning: "offer sent, not accepted" },
  { name: "STALL_HOLD_GRACE_SECONDS", key: "holdOverrunMs", min: 0, meaning: "hold/escrow past its hold end date" },
  { name: "STALL_UNKNOWN_SECONDS", key: "unknownMs", min: 1, meaning: "a status the dashboard does not know" },
];

export class StallLimitsEnvError extends Error {
  /** One printable line per bad variable: `NAME: expected …`. */
  readonly lines: readonly string[];

  constructor(lines: readonly string[]) {
    super(lines.join("\n"));
    this.name = "StallLimitsEnvError";
    this.lines = lines;
  }
}

function secondsSchema(min: number) {
  return z.string().regex(/^\d{1,9}$/).transform(Number).pipe(z.number().int().min(min).max(MAX_SECONDS));
}

/**
 * The stall limits set in the environment, in milliseconds; variables left unset (or empty) are
 * absent, so the store falls back to DEFAULT_STALL_LIMITS for them. Throws `StallLimitsEnvError`
 * listing every malformed variable (never echoing a value).
 */
export function parseStallLimits(source: EnvSource): Partial<StallLimits> {
  const limits: Partial<StallLimits> = {};
  const problems: string[] = [];
  for (const variable of STALL_VARIABLES) {
    const raw = source[variable.name]?.trim();
    if (!raw) continue;
    const parsed = secondsSchema(variable.min).safeParse(raw);
    if (parsed.success) limits[variable.key] = parsed.data * 1000;
    else problems.push(`${variable.name}: expected seconds (${variable.meaning}), a whole number from ${variable.min} to ${MAX_SECONDS}`);
  }
  if (problems.length > 0) throw new StallLimitsEnvError(problems);
  return limits;
}
