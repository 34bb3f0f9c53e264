// The second step of a password sign-in, called by `authorize` (lib/auth/config.ts) after the password
// matched: an account with two-factor sign-in on must also give a current authentication code (a TOTP
// code or an unused recovery code). false: the same refusal as a wrong password (the caller counts it
// as a failure for the limiter); throws TwoFactorCodeNeeded when no code came.
import "server-only";
import { existsSync } from "node:fs";
import { pgliteDirIn } from "@/lib/db/pglite-dir";
import { RecorderUnavailableError } from "@/lib/db/recorded-source";
import type { TwoFactorRecord } from "@/lib/db/two-factor-store";
import { env } from "@/lib/env/server";
import { SignInStoreUnavailable } from "../errors";
import { TwoFactorCodeNeeded } from "./code-needed";
import { twoFactorContext } from "./context";
import { MAX_CODE_LENGTH, acceptAuthenticationCode } from "./accept-code";

/**
 * Whether anyone could have two-factor sign-in on: PostgreSQL is configured, or the recorder's PGlite
 * store exists. Only with neither may a sign-in go on without reading the state (a dashboard run with
 * no recorder at all, where nobody could have set it up); otherwise an unreachable store refuses.
 */
function storeMayHoldEnrolments(): boolean {
  const { databaseUrl, recorder } = env();
  return databaseUrl !== null || existsSync(pgliteDirIn(recorder.dataDir));
}

function codeFrom(input: unknown): string {
  const code = typeof input === "object" && input !== null && "code" in input ? input.code : undefined;
  return typeof code === "string" ? code.trim().slice(0, MAX_CODE_LENGTH + 1) : "";
}

export async function secondFactorPasses(email: string, input: unknown, request: Request): Promise<boolean> {
  const context = twoFactorContext(request.headers);
  let record: TwoFactorRecord;
  try {
    record = await context.source.call({ op: "two-factor-read", email });
  } catch (error) {
    if (!(error instanceof RecorderUnavailableError)) throw error;
    if (!storeMayHoldEnrolments()) return true;
    throw new SignInStoreUnavailable();
  }
  if (record.secret === null) return true;
  const code = codeFrom(input);
  if (code === "") throw new TwoFactorCodeNeeded();
  return (await acceptAuthenticationCode(context, email, record, code)) !== null;
}
