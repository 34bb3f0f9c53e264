import { describe, expect, it } from "vitest";
import { signClientToken } from "./token";
import { TokenGate } from "./token-gate";

const secret = "gate-secret-0123456789abcdef";
const now = Date.UTC(2026, 4, 1, 12, 0, 0);
const clock = { now: () => now };

function mint(overrides: { merchantId?: string; clientId?: string; nowMs?: number } = {}): Promise<string> {
  return signClientToken(
    {
      merchantId: overrides.merchantId ?? "mrc_1",
      steamId: "76561198000000001",
      tradeUrl: "https://steamcommunity.com/tradeoffer/new/?partner=1&token=abcdefgh",
      ...(overrides.clientId ? { clientId: overrides.clientId } : {}),
      ttlSeconds: 3_600,
      nowMs: overrides.nowMs ?? now,
    },
    secret,
  );
}

describe("TokenGate", () => {
  it("accepts this merchant's tokens and refuses another merchant's or a bad signature", async () => {
    const gate = new TokenGate(secret, "mrc_1", clock);
    expect(await gate.check(await mint())).toMatchObject({ ok: true, payload: { merchantId: "mrc_1" } });
    expect(await gate.check(await mint({ merchantId: "mrc_2" }))).toEqual({ ok: false, reason: "wrong-merchant" });
    expect(await new TokenGate("another-secret-0123456789", "mrc_1", clock).check(await mint())).toEqual({ ok: false, reason: "bad-signature" });
  });

  it("after expireAll refuses earlier and already seen same-second tokens, and accepts a new one", async () => {
    const gate = new TokenGate(secret, "mrc_1", clock);
    const earlier = await mint({ nowMs: now - 5_000 });
    const seen = await mint({ clientId: "seen" });
    expect((await gate.check(seen)).ok).toBe(true);
    gate.expireAll();
    expect(await gate.check(earlier)).toEqual({ ok: false, reason: "revoked" });
    expect(await gate.check(seen)).toEqual({ ok: false, reason: "revoked" });
    expect((await gate.check(await mint({ clientId: "fresh" }))).ok).toBe(true);
  });

  it("refuses a token whose check was still running when expireAll came", async () => {
    const gate = new TokenGate(secret, "mrc_1", clock);
    const token = await mint({ clientId: "in-flight" });
    const verdict = gate.check(token);
    gate.expireAll();
    expect(await verdict).toEqual({ ok: false, reason: "revoked" });
    // Presented again later (a reconnect with the same token, minted in the cut-off's second): still refused.
    expect(await gate.check(token)).toEqual({ ok: false, reason: "revoked" });
  });
});
