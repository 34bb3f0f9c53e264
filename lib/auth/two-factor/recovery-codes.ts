// Recovery codes: ten random codes shown once when two-factor sign-in is turned on (or renewed), each
// good for one sign-in instead of an authenticator code. Only their SHA-256 is stored: ten characters
// from a 31-letter alphabet are ~50 random bits, far beyond guessing through the sign-in limiter, so
// a slow password hash would add nothing.
import { createHash, randomInt } from "node:crypto";

export const RECOVERY_CODE_COUNT = 10;
/** No 0/o or 1/l/i: read off paper and typed back without doubt. */
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const LENGTH = 10;

/** Ten fresh codes, shown as `xxxxx-xxxxx`. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** The code as stored (lowercase, no dashes or spaces), or null when it cannot be a recovery code. */
export function normalizeRecoveryCode(input: string): string | null {
  const code = input.toLowerCase().replace(/[\s-]+/g, "");
  return code.length === LENGTH && [...code].every((char) => ALPHABET.includes(char)) ? code : null;
}

export function hashRecoveryCode(normalized: string): string {
  return createHash("sha256").update(normalized, "utf8").digest("hex");
}
