// The STALL_* settings: how long a trade may sit in a status before the board calls it stalled. Rules
// only (see ./setting); `server.ts` applies them once to process.env for the app and `npm start` checks
// them before anything starts. Unset limits are absent, so the board's defaults apply to them.
import { z } from "zod";
import type { StallLimits } from "@/lib/trades/stall-rules";
import { type EnvSource, integerRule, optional, parseSettings } from "./setting";

const MAX_SECONDS = 30 * 86_400;

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

/** One optional field per STALL_* variable, in STALL_VARIABLES order. */
export const stallLimitFields = Object.fromEntries(
  STALL_VARIABLES.map((variable) => [variable.name, optional(integerRule(variable.min, MAX_SECONDS, `seconds (${variable.meaning})`))]),
);

/** The limits that were set, in milliseconds. */
export function toStallLimits(values: Readonly<Record<string, number | undefined>>): Partial<StallLimits> {
  const limits: Partial<StallLimits> = {};
  for (const variable of STALL_VARIABLES) {
    const seconds = values[variable.name];
    if (seconds !== undefined) limits[variable.key] = seconds * 1000;
  }
  return limits;
}

const stallLimitsSchema = z.object(stallLimitFields).transform(toStallLimits);

/** The stall limits set in `source` (ms). Throws `EnvError` listing every malformed one. */
export function parseStallLimits(source: EnvSource): Partial<StallLimits> {
  return parseSettings(stallLimitsSchema, source);
}
