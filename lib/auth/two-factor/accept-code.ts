// Checks an authentication code for an account with two-factor sign-in on, and uses it up: a TOTP code
// only in a time step newer than any accepted before (so the same code twice is refused), a recovery
// code only once. The one check behind sign-in, Turn off and New recovery codes.
import "server-only";
import type { TwoFactorRecord } from "@/lib/db/two-factor-store";
import type { TwoFactorContext } from "./context";
import { hashRecoveryCode, normalizeRecoveryCode } from "./recovery-codes";
import { openSecret } from "./secret-box";
import { looksLikeTotpCode, matchTimeStep } from "./totp";

export type AcceptedCode = "totp" | "recovery";

/** At most this many characters of what a person typed are looked at. */
export const MAX_CODE_LENGTH = 64;

export async function acceptAuthenticationCode(context: TwoFactorContext, email: string, record: TwoFactorRecord, code: string): Promise<AcceptedCode | null> {
  if (record.secret === null || code.length > MAX_CODE_LENGTH) return null;
  if (looksLikeTotpCode(code)) {
    const key = openSecret(context.box, record.secret, email);
    if (key === null) {
      // Sealed under another AUTH_SECRET (./secret-box): only a recovery code can sign in now.
      console.warn("[two-factor] a stored TOTP key does not open with this AUTH_SECRET; that account needs a recovery code");
      return null;
    }
    const step = matchTimeStep(key, code, context.now());
    if (step === null) return null;
    return (await context.source.call({ op: "two-factor-claim-step", email, secret: record.secret, step })) ? "totp" : null;
  }
  const normalized = normalizeRecoveryCode(code);
  if (normalized === null) return null;
  const used = await context.source.call({ op: "two-factor-consume-recovery-code", email, codeHash: hashRecoveryCode(normalized) });
  if (!used) return null;
  await context.audit(email, "recovery-code-used", `${Math.max(0, record.recoveryCodesLeft - 1)} recovery codes left`);
  return "recovery";
}
