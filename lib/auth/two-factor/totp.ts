// TOTP (RFC 6238) as every authenticator app speaks it: SHA-1, 6 digits, 30-second steps, through the
// `otpauth` library. A code is valid in its own step and one step either side (a phone's clock a little
// off, a code typed as it rolled over); which step it matched is returned so the store can accept each
// step once (lib/db/two-factor-store.ts claimTimeStep).
import { Secret, TOTP } from "otpauth";

export const TOTP_ISSUER = "AssetPay Ops";
const PERIOD_SECONDS = 30;
const DIGITS = 6;
/** Steps either side of now that still count. */
const WINDOW = 1;

function totpFor(key: string, email = ""): TOTP {
  return new TOTP({ issuer: TOTP_ISSUER, label: email, algorithm: "SHA1", digits: DIGITS, period: PERIOD_SECONDS, secret: Secret.fromBase32(key) });
}

/** A new random key (160 bits, RFC 4226's recommendation), base32 as people type it into an app. */
export function newTotpKey(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(key: string, email: string): string {
  return totpFor(key, email).toString();
}

/** Whether the text could be a TOTP code at all (six digits, spaces ignored). */
export function looksLikeTotpCode(code: string): boolean {
  return /^\d{6}$/.test(code.replace(/\s+/g, ""));
}

/** The time step `code` belongs to when it is valid at `nowMs` (±1 step), else null. */
export function matchTimeStep(key: string, code: string, nowMs: number): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const totp = totpFor(key);
  const delta = totp.validate({ token, timestamp: nowMs, window: WINDOW });
  return delta === null ? null : totp.counter({ timestamp: nowMs }) + delta;
}
