// Which client tokens the simulator accepts right now: a valid signature and expiry (token.ts), the
// right merchant, and not issued before the last `POST /__sim/tokens/expire`. That call sets a cut-off
// at the current second; tokens from that same second that the sim has already seen are listed
// explicitly, so a token minted just after the call (same second, same iat) still works. A token whose
// check was still running when the call came was presented before it, so it is refused too.

import type { Clock } from "./engine/time";
import { verifyClientToken, type ClientTokenPayload } from "./token";

export type GateResult =
  | { ok: true; payload: ClientTokenPayload }
  | { ok: false; reason: "malformed" | "bad-signature" | "expired" | "wrong-merchant" | "revoked" };

export class TokenGate {
  private cutoffSeconds = 0;
  private readonly revokedAtCutoff = new Set<string>();
  /** Tokens seen recently (iat within the last few seconds), the only ones a same-second cut-off needs. */
  private readonly recent = new Map<string, number>();
  /** How many times expireAll has run: a check that spans a call sees it change. */
  private expiries = 0;

  constructor(
    private readonly secret: string,
    private readonly merchantId: string,
    private readonly clock: Clock,
  ) {}

  async check(token: string): Promise<GateResult> {
    const expiriesBefore = this.expiries;
    const result = await verifyClientToken(token, this.secret, this.clock.now());
    if (!result.ok) return result;
    const { payload } = result;
    if (payload.merchantId !== this.merchantId || result.merchantId !== this.merchantId) return { ok: false, reason: "wrong-merchant" };
    if (this.expiries !== expiriesBefore) {
      // Presented before the cut-off, so revoked for good: a same-second token must stay refused when
      // it comes back, although its first check never got to note it as seen.
      if (payload.iat >= this.cutoffSeconds) this.revokedAtCutoff.add(token);
      return { ok: false, reason: "revoked" };
    }
    if (payload.iat < this.cutoffSeconds || this.revokedAtCutoff.has(token)) return { ok: false, reason: "revoked" };
    this.noteSeen(token, payload.iat);
    return { ok: true, payload };
  }

  noteSeen(token: string, iat: number): void {
    const nowSeconds = Math.floor(this.clock.now() / 1000);
    if (iat < nowSeconds - 2) return;
    this.recent.set(token, iat);
    if (this.recent.size > 10_000) {
      for (const [seen, seenIat] of this.recent) if (seenIat < nowSeconds - 2) this.recent.delete(seen);
    }
  }

  /** Every token issued or presented so far is treated as expired from now on. */
  expireAll(): void {
    const nowSeconds = Math.floor(this.clock.now() / 1000);
    this.expiries += 1;
    this.cutoffSeconds = nowSeconds;
    this.revokedAtCutoff.clear();
    for (const [token, iat] of this.recent) if (iat >= nowSeconds) this.revokedAtCutoff.add(token);
    this.recent.clear();
  }
}
