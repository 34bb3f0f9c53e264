// What `npm start` checks before it starts anything, and what it learns: the mode, the dashboard's PORT
// and, in demo mode, the simulator's SIM_PORT. Rules only (see ./setting), so the plain Node start script
// can import them.
import { z } from "zod";
import { STEAM_ID, TOKEN_TTL, TRADE_URL } from "./assetpay";
import { AUTH_SECRET, SESSION_MAX_AGE, STAFF_ACCOUNTS } from "./auth";
import { oidcFields, withOidcGroupRule } from "./oidc";
import { storageFields } from "./recorder";
import { serverEnvFields } from "./server-env";
import { type EnvSource, integerRule, isSet, optional, parseSettings } from "./setting";
import { stallLimitFields } from "./stall-limits";

const DEFAULT_PORT = 3000;
const DEFAULT_SIM_PORT = 4010;

export interface StartPlan {
  mode: "real" | "demo";
  port: number;
  /** Demo mode only: where to start the simulator (default 4010; taken → any free port). */
  simPort: number;
}

const PORT = optional(integerRule(1, 65_535, "a TCP port"));

/** Real mode (ASSETPAY_API_KEY set): everything the app checks, plus the port and the stall limits. */
const realSchema = withOidcGroupRule(z.object({ PORT, ...serverEnvFields, ...stallLimitFields }))
  .transform((values): StartPlan => ({ mode: "real", port: values.PORT ?? DEFAULT_PORT, simPort: 0 }));

/** Demo mode: whatever the operator did set must still be well-formed; the rest `npm start` fills in. */
const demoSchema = withOidcGroupRule(
  z.object({
    PORT,
    SIM_PORT: optional(integerRule(0, 65_535, "a TCP port (0 = any free port)")),
    ASSETPAY_TOKEN_STEAM_ID: optional(STEAM_ID),
    ASSETPAY_TOKEN_TRADE_URL: optional(TRADE_URL),
    ASSETPAY_TOKEN_TTL_SECONDS: optional(TOKEN_TTL),
    STAFF_ACCOUNTS: optional(STAFF_ACCOUNTS),
    AUTH_SECRET: optional(AUTH_SECRET),
    AUTH_SESSION_MAX_AGE_SECONDS: optional(SESSION_MAX_AGE),
    ...storageFields,
    DEMO_PASSWORD: optional({ schema: z.string().min(8), expected: "at least 8 characters" }),
    ...oidcFields,
    ...stallLimitFields,
  }),
)
  .transform((values): StartPlan => ({ mode: "demo", port: values.PORT ?? DEFAULT_PORT, simPort: values.SIM_PORT ?? DEFAULT_SIM_PORT }));

/** The start plan, or one `EnvError` listing every missing or malformed variable. */
export function checkStartEnv(source: EnvSource): StartPlan {
  return parseSettings(isSet(source, "ASSETPAY_API_KEY") ? realSchema : demoSchema, source);
}
