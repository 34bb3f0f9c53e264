// Verified staff sessions, remembered by session-cookie digest until the session's own expiry.
// Why: next-auth's auth() decrypts the session JWE and re-encrypts a fresh one on every call (two key
// derivations, AES-CBC and HMAC both ways), several ms of CPU. Every page, API call and token request
// pays it, and a burst of reconnecting tabs queues behind it. A memo hit needs the exact cookie bytes
// of a session auth() already verified, so it accepts nothing auth() would refuse before that
// session's expiry: sessions are stateless JWTs, so there is no server-side revocation to miss, and
// STAFF_ACCOUNTS and AUTH_SECRET only change with a restart, which empties the memo.
import "server-only";

export interface RememberedSession<T> {
  value: T;
  /** Epoch ms after which the session no longer counts. */
  validUntilMs: number;
}

export class SessionMemo<T> {
  private readonly entries = new Map<string, RememberedSession<T>>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The remembered value while it is valid; a lapsed entry is dropped and answers null. */
  recall(key: string, nowMs: number): T | null {
    const entry = this.entries.get(key);
    if (entry === undefined) return null;
    if (nowMs >= entry.validUntilMs) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }

  /** Remembers a verified session; the oldest entry makes room when full. Lapsed ones are not kept. */
  remember(key: string, value: T, validUntilMs: number, nowMs: number): void {
    if (!(validUntilMs > nowMs)) return;
    this.entries.delete(key);
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, validUntilMs });
  }
}
