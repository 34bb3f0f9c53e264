import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { matchTimeStep, newTotpKey, totpUri } from "./totp";

const key = newTotpKey();
const at = (timestamp: number) => TOTP.generate({ secret: Secret.fromBase32(key), timestamp });
// The middle of a step, so ±30 s lands in the neighbouring steps and ±60 s two steps away.
const now = Math.floor(Date.parse("2026-03-01T12:00:00Z") / 30_000) * 30_000 + 15_000;
const step = Math.floor(now / 30_000);

describe("TOTP codes", () => {
  it("accepts the current code and names its time step", () => {
    expect(matchTimeStep(key, at(now), now)).toBe(step);
  });

  it("accepts a code one step early or late, with that step", () => {
    expect(matchTimeStep(key, at(now - 30_000), now)).toBe(step - 1);
    expect(matchTimeStep(key, at(now + 30_000), now)).toBe(step + 1);
  });

  it("refuses a code two steps away, another key's code, and anything not six digits", () => {
    expect(matchTimeStep(key, at(now - 60_000), now)).toBeNull();
    expect(matchTimeStep(key, at(now + 60_000), now)).toBeNull();
    const other = newTotpKey();
    expect(matchTimeStep(key, TOTP.generate({ secret: Secret.fromBase32(other), timestamp: now }), now)).toBeNull();
    expect(matchTimeStep(key, "12345", now)).toBeNull();
    expect(matchTimeStep(key, "abcdef", now)).toBeNull();
  });

  it("tolerates spaces typed inside the code", () => {
    const code = at(now);
    expect(matchTimeStep(key, `${code.slice(0, 3)} ${code.slice(3)}`, now)).toBe(step);
  });

  it("builds the URI an authenticator app reads", () => {
    const uri = new URL(totpUri(key, "ops@example.test"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(key);
    expect(uri.searchParams.get("issuer")).toBe("AssetPay Ops");
    expect(decodeURIComponent(uri.pathname)).toContain("ops@example.test");
  });
});
