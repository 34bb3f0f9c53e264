// The staff sign-in settings: who may sign in (STAFF_ACCOUNTS), the secret that signs their sessions and
// how long a session lasts. Rules only (see ./setting).
import { z } from "zod";
import { DEFAULT_PASSWORD_ROLE, isStaffRole, STAFF_ROLES, type StaffRole } from "@/lib/auth/roles";
import { EnvError } from "./env-error";
import { integerRule, optional, refusal, required, type Rule } from "./setting";

export const DEFAULT_SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export interface StaffAccount {
  /** Lowercased. */
  email: string;
  role: StaffRole;
  passwordHash: string;
}

export const EMAIL: Rule<string> = { schema: z.string().regex(/^[^\s@:,]+@[^\s@:,]+$/), expected: "an email address" };
const BCRYPT_HASH = /^\$2[aby]\$(0[4-9]|[12]\d|3[01])\$[./A-Za-z0-9]{53}$/;

/**
 * `email:hash` or `email:role:hash` entries, comma-separated, or why not (naming the entry, never quoting
 * it). The email has no colon and a bcrypt hash has `$` but neither commas nor colons, so the part
 * between the first colon and the hash's `$` is the role, if any.
 */
function readStaffAccounts(value: string): StaffAccount[] | string {
  const accounts: StaffAccount[] = [];
  const seen = new Set<string>();
  const entries = value.split(",").map((entry) => entry.trim());
  for (const [index, entry] of entries.entries()) {
    const position = `entry ${index + 1}`;
    if (entry === "") return `${position} is empty`;
    const colon = entry.indexOf(":");
    // Nothing of an entry without a colon is echoed: it might be a pasted password.
    if (colon < 0) return `${position} has no ":" between email and hash`;
    const email = entry.slice(0, colon).trim().toLowerCase();
    if (!EMAIL.schema.safeParse(email).success) return `${position} does not start with an email address`;
    const rest = entry.slice(colon + 1).trim();
    const roleColon = rest.startsWith("$") ? -1 : rest.indexOf(":");
    const roleText = roleColon < 0 ? null : rest.slice(0, roleColon).trim();
    const passwordHash = roleColon < 0 ? rest : rest.slice(roleColon + 1).trim();
    if (roleText !== null && !isStaffRole(roleText)) {
      return `${position} (${email}) has a role that is not one of ${STAFF_ROLES.join(", ")}`;
    }
    if (!BCRYPT_HASH.test(passwordHash)) return `${position} (${email}) has no valid bcrypt hash after the colon`;
    if (seen.has(email)) return `${email} is listed twice`;
    seen.add(email);
    accounts.push({ email, role: roleText ?? DEFAULT_PASSWORD_ROLE, passwordHash });
  }
  return accounts;
}

export const STAFF_ACCOUNTS: Rule<StaffAccount[]> = {
  schema: z.string().transform((value, ctx) => {
    const accounts = readStaffAccounts(value);
    if (typeof accounts !== "string") return accounts;
    ctx.issues.push({ code: "custom", message: accounts, input: undefined });
    return z.NEVER;
  }),
  expected: "comma-separated email:bcrypt-hash or email:role:bcrypt-hash entries, role one of viewer, operator, admin (make a hash with `npm run staff:hash -- 'password'`)",
};

export const AUTH_SECRET: Rule<string> = {
  schema: z.string().min(32),
  expected: "at least 32 random characters (make one with `openssl rand -base64 32`)",
};
export const SESSION_MAX_AGE = integerRule(60, 30 * 86_400, "seconds");
export const DEFAULT_IDLE_TIMEOUT_MINUTES = 60;
/** At least 5: a session's last request is recorded at most once a minute, so a shorter limit would end active sessions. */
const IDLE_TIMEOUT = integerRule(5, 7 * 24 * 60, "minutes");
/** One staff member's resyncs a minute, all tabs together: a resync reads the store (AssetPay is behind the budget). */
export const DEFAULT_RESYNCS_PER_STAFF_PER_MINUTE = 240;
const RESYNCS_PER_MINUTE = integerRule(5, 10_000, "resync requests per minute");

/** The STAFF_ACCOUNTS value on its own; throws `EnvError` saying which entry is wrong. */
export function parseStaffAccounts(value: string): StaffAccount[] {
  const parsed = STAFF_ACCOUNTS.schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new EnvError([`STAFF_ACCOUNTS: ${refusal(STAFF_ACCOUNTS, parsed.error)}`]);
}

/** What the dashboard server needs to sign staff in: all of it required. */
export const authFields = {
  STAFF_ACCOUNTS: required(STAFF_ACCOUNTS, "nobody could sign in"),
  AUTH_SECRET: required(AUTH_SECRET, "signs staff sessions"),
  AUTH_SESSION_MAX_AGE_SECONDS: optional(SESSION_MAX_AGE),
  AUTH_IDLE_TIMEOUT_MINUTES: optional(IDLE_TIMEOUT),
  RESYNC_PER_STAFF_PER_MINUTE: optional(RESYNCS_PER_MINUTE),
};

export interface AuthSettings {
  staffAccounts: StaffAccount[];
  authSecret: string;
  sessionMaxAgeSeconds: number;
  /** A session with no request for this long ends (lib/auth/session-liveness.ts). */
  idleTimeoutSeconds: number;
  resyncsPerStaffPerMinute: number;
}

export function toAuthSettings(values: z.output<z.ZodObject<typeof authFields>>): AuthSettings {
  return {
    staffAccounts: values.STAFF_ACCOUNTS,
    authSecret: values.AUTH_SECRET,
    sessionMaxAgeSeconds: values.AUTH_SESSION_MAX_AGE_SECONDS ?? DEFAULT_SESSION_MAX_AGE_SECONDS,
    idleTimeoutSeconds: (values.AUTH_IDLE_TIMEOUT_MINUTES ?? DEFAULT_IDLE_TIMEOUT_MINUTES) * 60,
    resyncsPerStaffPerMinute: values.RESYNC_PER_STAFF_PER_MINUTE ?? DEFAULT_RESYNCS_PER_STAFF_PER_MINUTE,
  };
}
