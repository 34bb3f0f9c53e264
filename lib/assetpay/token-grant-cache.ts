// Client tokens remembered per staff member while they have most of their life left, so a burst of
// tab opens (or reconnects) by one person mints once: with API-minted tokens every mint is an AssetPay
// request from the merchant's shared budget. Concurrent requests of one person share one mint.
// A token past three quarters of its life is never handed out again: the browser refreshes ahead of
// expiry, and must then get a fresh one. When AssetPay refuses a token early (revoked, or expired
// before its time), the browser names it by its SHA-256 digest on its next request, and the remembered
// grant is forgotten if it is that token — so reuse lasts the token's whole useful life, not a few seconds.
// Digests only: the token itself is a credential and is never logged or compared in the clear here.
import "server-only";
import { createHash } from "node:crypto";
import type { ClientTokenGrant } from "./client-token";

/** A remembered token is reused while at least this share of its lifetime is left. */
export const REUSE_WHILE_LIFE_LEFT = 0.75;
/** Far more than the staff signed in at once; a bound, not a working size. */
const CAPACITY = 2_000;

interface Entry {
  grant: ClientTokenGrant;
  mintedAtMs: number;
  /** SHA-256 hex of the token, as the browser reports a refused one. */
  digest: string;
}

/** SHA-256 hex digest of a client token: how the browser names a token AssetPay refused. */
export function tokenDigest(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export class TokenGrantCache {
  private readonly entries = new Map<string, Entry>();
  private readonly minting = new Map<string, Promise<ClientTokenGrant>>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * The staff member's remembered token while it has most of its life left, else a fresh one from `mint`.
   * `refusedDigest` names a token AssetPay refused: if it is the remembered one, it is not handed out again.
   */
  async grantFor(staffKey: string, mint: () => Promise<ClientTokenGrant>, refusedDigest?: string): Promise<ClientTokenGrant> {
    if (refusedDigest !== undefined) this.forgetRefused(staffKey, refusedDigest);
    const remembered = this.fresh(staffKey);
    if (remembered) return remembered;
    const running = this.minting.get(staffKey);
    if (running) return running;
    const mintedAtMs = this.now();
    const promise = mint()
      .then((grant) => {
        this.remember(staffKey, { grant, mintedAtMs, digest: tokenDigest(grant.token) });
        return grant;
      })
      .finally(() => this.minting.delete(staffKey));
    this.minting.set(staffKey, promise);
    return promise;
  }

  private forgetRefused(staffKey: string, refusedDigest: string): void {
    if (this.entries.get(staffKey)?.digest === refusedDigest.toLowerCase()) this.entries.delete(staffKey);
  }

  private fresh(staffKey: string): ClientTokenGrant | null {
    const entry = this.entries.get(staffKey);
    if (!entry) return null;
    const expiresAtMs = Date.parse(entry.grant.expiresAt);
    const lifetime = expiresAtMs - entry.mintedAtMs;
    const now = this.now();
    if (!(lifetime > 0) || expiresAtMs - now < lifetime * REUSE_WHILE_LIFE_LEFT) {
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
