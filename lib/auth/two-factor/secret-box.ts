// Seals a staff member's TOTP key for storage and opens it again: AES-256-GCM, a fresh 96-bit IV each
// time, the staff email as associated data (a sealed key copied onto another account's row does not
// open). Whoever reads the database (a backup, a PGlite directory) gets no usable key.
//
// The key is derived from AUTH_SECRET with HKDF rather than being a variable of its own: every instance
// already shares AUTH_SECRET as a high-entropy server secret, so there is nothing new to distribute or
// lose, and HKDF with a label of its own makes it a different key from the ones next-auth derives from
// the same secret for sessions (one key per purpose). The price: a new AUTH_SECRET leaves the stored
// keys unreadable, so staff sign in once with a recovery code and set two-factor sign-in up again.
import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";
const SALT = "assetpay-ops";
const INFO = "two-factor key encryption v1";

export function secretBoxKey(authSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret, SALT, INFO, 32));
}

/** `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
export function sealSecret(key: Buffer, plaintext: string, email: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(email, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

/** The plaintext, or null when it was sealed with another key, for another email, or altered. */
export function openSecret(key: Buffer, sealed: string, email: string): string | null {
  const [version, iv, tag, ciphertext, extra] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined || extra !== undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(email, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
