// Client tokens remembered per staff member while they have most of their life left, so a burst of
// tab opens (or reconnects) by one person mints once: with API-minted tokens every mint is an AssetPay
// request from the merchant's shared budget. Concurrent requests of one person share one mint.
// A token past three quarters of its life is never handed out again: the browser refreshes ahead of
// expiry, and must then get a fresh one. Nor is one older than REUSE_AT_MOST_MS: the browser asks
// for a new token after AssetPay refused its current one (revoked, or expired early), and cannot say
// which one that was, so a long reuse would hand the refused token back until it aged out.
import "server-only";
import type { ClientTokenGrant } from "./client-token";

/** A remembered token is reused while at least this share of its lifetime is left. */
export const REUSE_WHILE_LIFE_LEFT = 0.75;
/** …and for at most this long after it was minted: a burst of tab opens, not a refused token's retries. */
export const REUSE_AT_MOST_MS = 10_000;
/** Far more than the staff signed in at once; a bound, not a working size. */
const CAPACITY = 2_000;

interface Entry {
  grant: ClientTokenGrant;
  mintedAtMs: number;
}

export class TokenGrantCache {
  private readonly entries = new Map<string, Entry>();
  private readonly minting = new Map<string, Promise<ClientTokenGrant>>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The staff member's remembered token while it has most of its life left, else a fresh one from `mint`. */
  async grantFor(staffKey: string, mint: () => Promise<ClientTokenGrant>): Promise<ClientTokenGrant> {
    const remembered = this.fresh(staffKey);
    if (remembered) return remembered;
    const running = this.minting.get(staffKey);
    if (running) return running;
    const mintedAtMs = this.now();
    const promise = mint()
      .then((grant) => {
        this.remember(staffKey, { grant, mintedAtMs });
        return grant;
      })
      .finally(() => this.minting.delete(staffKey));
    this.minting.set(staffKey, promise);
    return promise;
  }

  private fresh(staffKey: string): ClientTokenGrant | null {
    const entry = this.entries.get(staffKey);
    if (!entry) return null;
    const expiresAtMs = Date.parse(entry.grant.expiresAt);
    const lifetime = expiresAtMs - entry.mintedAtMs;
    const now = this.now();
    if (!(lifetime > 0) || expiresAtMs - now < lifetime * REUSE_WHILE_LIFE_LEFT || now - entry.mintedAtMs > REUSE_AT_MOST_MS) {
      this.entries.delete(staffKey);
      return null;
    }
    return entry.grant;
  }

  private remember(staffKey: string, entry: Entry): void {
    this.entries.delete(staffKey);
    if (this.entries.size >= CAPACITY) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(staffKey, entry);
  }
}
