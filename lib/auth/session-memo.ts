// Values remembered by key until their own expiry, in a bounded map. Two uses (./guards.ts,
// ./session-liveness.ts): verified session cookies, by the digest of exactly the cookies next-auth
// read (./session-cookie.ts), until the session JWT's expiry — next-auth's auth() decrypts the session
// JWE and re-encrypts a fresh one on every call (two key derivations, AES-CBC and HMAC both ways),
// several ms of CPU that every page, API call and token request would pay; and sessions the store said
// were open, for a few seconds, so an ended session stops working within seconds on every instance.
// STAFF_ACCOUNTS and AUTH_SECRET only change with a restart, which empties both.
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

  forget(key: string): void {
    this.entries.delete(key);
  }

  /** Forgets every entry whose value matches. */
  forgetWhere(matches: (value: T) => boolean): void {
    for (const [key, entry] of this.entries) if (matches(entry.value)) this.entries.delete(key);
  }

  /** Remembers a value; the oldest entry makes room when full. Lapsed ones are not kept. */
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
