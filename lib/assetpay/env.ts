// The dashboard server's configuration: process.env checked once (rules in ./env-schema) and cached.
// Server-only: none of these values may reach the browser, so nothing here is NEXT_PUBLIC_.
import "server-only";
import { parseEnv, type ServerEnv } from "./env-schema";

export { EnvError, parseEnv, parseStaffAccounts, type ServerEnv, type StaffAccount } from "./env-schema";

let cached: ServerEnv | null = null;

/** The validated settings; throws `EnvError` (one line naming the variable) on the first bad one. */
export function env(): ServerEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
