// A staff member's own two-factor settings: set up (a new key, shown once as a QR code and as text),
// turn on (only once a code from that key verifies; answers ten recovery codes, shown once), turn off
// and new recovery codes (each needs a current code). Each change is audited.
import "server-only";
import type { TwoFactorRecord } from "@/lib/db/two-factor-store";
import type { TwoFactorContext } from "./context";
import { hashRecoveryCode, newRecoveryCodes, normalizeRecoveryCode } from "./recovery-codes";
import { openSecret, sealSecret } from "./secret-box";
import { matchTimeStep, newTotpKey, totpUri } from "./totp";
import { acceptAuthenticationCode } from "./accept-code";

/** A refusal a route answers with 400 `{ error: { code, message } }`. */
export interface EnrolmentRefusal {
  ok: false;
  code: "already_on" | "not_set_up" | "not_on" | "wrong_code" | "two_factor_required";
  message: string;
}

export type EnrolmentResult<T> = ({ ok: true } & T) | EnrolmentRefusal;

export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: string | null;
  recoveryCodesLeft: number;
}

const refuse = (code: EnrolmentRefusal["code"], message: string): EnrolmentRefusal => ({ ok: false, code, message });

const WRONG_CODE = "That code is not right (or was used already): enter the code your authenticator app shows now.";

function read(context: TwoFactorContext, email: string): Promise<TwoFactorRecord> {
  return context.source.call({ op: "two-factor-read", email });
}

export async function twoFactorStatus(context: TwoFactorContext, email: string): Promise<TwoFactorStatus> {
  const record = await read(context, email);
  return { enabled: record.secret !== null, enabledAt: record.enabledAt, recoveryCodesLeft: record.recoveryCodesLeft };
}

export async function startSetup(context: TwoFactorContext, email: string): Promise<EnrolmentResult<{ key: string; uri: string }>> {
  const key = newTotpKey();
  const begun = await context.source.call({ op: "two-factor-begin", email, pendingSecret: sealSecret(context.box, key, email) });
  if (!begun) return refuse("already_on", "Two-factor sign-in is already on. Turn it off first to use a new key.");
  return { ok: true, key, uri: totpUri(key, email) };
}

export async function turnOn(context: TwoFactorContext, email: string, code: string): Promise<EnrolmentResult<{ recoveryCodes: string[] }>> {
  const record = await read(context, email);
  if (record.secret !== null) return refuse("already_on", "Two-factor sign-in is already on.");
  const key = record.pendingSecret === null ? null : openSecret(context.box, record.pendingSecret, email);
  if (record.pendingSecret === null || key === null) return refuse("not_set_up", "Set up two-factor sign-in first.");
  const step = matchTimeStep(key, code, context.now());
  if (step === null) return refuse("wrong_code", WRONG_CODE);
  const recoveryCodes = newRecoveryCodes();
  const enabled = await context.source.call({
    op: "two-factor-enable",
    email,
    pendingSecret: record.pendingSecret,
    step,
    recoveryCodeHashes: hashesOf(recoveryCodes),
  });
  if (!enabled) return refuse("not_set_up", "The setup changed meanwhile (another tab?). Set up two-factor sign-in again.");
  await context.audit(email, "two-factor-enrolled");
  return { ok: true, recoveryCodes };
}

/** `required`: AUTH_REQUIRE_TWO_FACTOR covers this account, so it may not turn it off. */
export async function turnOff(context: TwoFactorContext, email: string, code: string, required: boolean): Promise<EnrolmentResult<object>> {
  if (required) return refuse("two_factor_required", "Your account must keep two-factor sign-in (AUTH_REQUIRE_TWO_FACTOR).");
  const record = await read(context, email);
  if (record.secret === null) return refuse("not_on", "Two-factor sign-in is not on.");
  if (!(await acceptAuthenticationCode(context, email, record, code))) return refuse("wrong_code", WRONG_CODE);
  await context.source.call({ op: "two-factor-disable", email });
  await context.audit(email, "two-factor-removed");
  return { ok: true };
}

export async function renewRecoveryCodes(context: TwoFactorContext, email: string, code: string): Promise<EnrolmentResult<{ recoveryCodes: string[] }>> {
  const record = await read(context, email);
  if (record.secret === null) return refuse("not_on", "Two-factor sign-in is not on.");
  if (!(await acceptAuthenticationCode(context, email, record, code))) return refuse("wrong_code", WRONG_CODE);
  const recoveryCodes = newRecoveryCodes();
  if (!(await context.source.call({ op: "two-factor-replace-recovery-codes", email, recoveryCodeHashes: hashesOf(recoveryCodes) }))) {
    return refuse("not_on", "Two-factor sign-in is not on.");
  }
  await context.audit(email, "settings", "new recovery codes");
  return { ok: true, recoveryCodes };
}

function hashesOf(codes: readonly string[]): string[] {
  return codes.map((code) => hashRecoveryCode(normalizeRecoveryCode(code) ?? code));
}
