import { Secret, TOTP } from "otpauth";
import { beforeEach, expect, it, vi } from "vitest";
import { teamSourceOver } from "@/lib/db/team-source";
import { describeOnEachBackend } from "@/lib/db/testing/each-backend";
import type { TwoFactorContext } from "./context";
import { renewRecoveryCodes, startSetup, turnOff, turnOn, twoFactorStatus } from "./enrolment";
import { secretBoxKey } from "./secret-box";
import { acceptAuthenticationCode } from "./accept-code";

const EMAIL = "ops@example.test";
// The middle of a time step: ±30 s are the neighbouring steps.
const START = Math.floor(Date.parse("2026-03-01T12:00:00Z") / 30_000) * 30_000 + 15_000;

describeOnEachBackend("two-factor sign-in", ({ db }) => {
  let clock = START;
  const audit = vi.fn(async () => undefined);
  const context = (): TwoFactorContext => ({ source: teamSourceOver(db), box: secretBoxKey("s".repeat(43)), now: () => clock, audit });
  const codeAt = (key: string, timestamp: number) => TOTP.generate({ secret: Secret.fromBase32(key), timestamp });
  const record = () => context().source.call({ op: "two-factor-read", email: EMAIL });
  const use = async (code: string) => acceptAuthenticationCode(context(), EMAIL, await record(), code);

  beforeEach(() => {
    clock = START;
    audit.mockClear();
  });

  /** Set up and turned on with the current code; the key and the recovery codes. */
  async function enrolled(): Promise<{ key: string; recoveryCodes: string[] }> {
    const setup = await startSetup(context(), EMAIL);
    if (!setup.ok) throw new Error(setup.message);
    const on = await turnOn(context(), EMAIL, codeAt(setup.key, clock));
    if (!on.ok) throw new Error(on.message);
    return { key: setup.key, recoveryCodes: on.recoveryCodes };
  }

  it("turns on only with a code from the key it showed, stores the key sealed, and audits it", async () => {
    const setup = await startSetup(context(), EMAIL);
    if (!setup.ok) throw new Error(setup.message);
    expect((await twoFactorStatus(context(), EMAIL)).enabled).toBe(false);
    const wrong = await turnOn(context(), EMAIL, codeAt("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", clock));
    expect(wrong).toMatchObject({ ok: false, code: "wrong_code" });
    const on = await turnOn(context(), EMAIL, codeAt(setup.key, clock));
    expect(on.ok && on.recoveryCodes).toHaveLength(10);
    expect(await twoFactorStatus(context(), EMAIL)).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    const [row] = await db.query<{ secret: string }>("SELECT secret FROM staff_two_factor WHERE email = $1", [EMAIL]);
    expect(row?.secret).not.toContain(setup.key);
    expect(audit).toHaveBeenCalledWith(EMAIL, "two-factor-enrolled");
    expect(await startSetup(context(), EMAIL)).toMatchObject({ ok: false, code: "already_on" });
  });

  it("accepts a code from the step before or after, not two steps away", async () => {
    const { key } = await enrolled();
    clock += 90_000;
    expect(await use(codeAt(key, clock - 60_000))).toBeNull();
    expect(await use(codeAt(key, clock - 30_000))).toBe("totp");
    clock += 90_000;
    expect(await use(codeAt(key, clock + 30_000))).toBe("totp");
  });

  it("accepts each code once: the same code again, or an older step, is refused", async () => {
    const { key } = await enrolled();
    // The code that turned it on is used up already.
    expect(await use(codeAt(key, clock))).toBeNull();
    clock += 30_000;
    const code = codeAt(key, clock);
    expect(await use(code)).toBe("totp");
    expect(await use(code)).toBeNull();
    // Still inside the window, but older than the step just accepted.
    expect(await use(codeAt(key, clock - 30_000))).toBeNull();
  });

  it("accepts each recovery code once, however it is typed, and audits its use", async () => {
    const { recoveryCodes } = await enrolled();
    const [first = "", second = ""] = recoveryCodes;
    expect(await use(first.toUpperCase())).toBe("recovery");
    expect(await use(first)).toBeNull();
    expect(audit).toHaveBeenCalledWith(EMAIL, "recovery-code-used", "9 recovery codes left");
    expect(await use(second.replace("-", ""))).toBe("recovery");
    expect((await twoFactorStatus(context(), EMAIL)).recoveryCodesLeft).toBe(8);
    expect(await use("aaaaa-aaaaa")).toBeNull();
  });

  it("new recovery codes need a current code and replace the old ones", async () => {
    const { key, recoveryCodes } = await enrolled();
    clock += 30_000;
    expect(await renewRecoveryCodes(context(), EMAIL, "000000")).toMatchObject({ ok: false, code: "wrong_code" });
    const renewed = await renewRecoveryCodes(context(), EMAIL, codeAt(key, clock));
    if (!renewed.ok) throw new Error(renewed.message);
    expect(renewed.recoveryCodes).toHaveLength(10);
    expect(await use(recoveryCodes[0] ?? "")).toBeNull();
    expect(await use(renewed.recoveryCodes[0] ?? "")).toBe("recovery");
    expect(audit).toHaveBeenCalledWith(EMAIL, "settings", "new recovery codes");
  });

  it("turns off with a current code (unless required), forgetting key and recovery codes", async () => {
    const { key, recoveryCodes } = await enrolled();
    clock += 30_000;
    expect(await turnOff(context(), EMAIL, codeAt(key, clock), true)).toMatchObject({ ok: false, code: "two_factor_required" });
    expect(await turnOff(context(), EMAIL, "123456", false)).toMatchObject({ ok: false, code: "wrong_code" });
    expect(await turnOff(context(), EMAIL, codeAt(key, clock), false)).toEqual({ ok: true });
    expect(audit).toHaveBeenCalledWith(EMAIL, "two-factor-removed");
    expect(await twoFactorStatus(context(), EMAIL)).toEqual({ enabled: false, enabledAt: null, recoveryCodesLeft: 0 });
    expect(await use(recoveryCodes[0] ?? "")).toBeNull();
    expect(await db.query("SELECT * FROM staff_recovery_codes")).toEqual([]);
  });

  it("a key sealed under another AUTH_SECRET no longer opens; a recovery code still signs in", async () => {
    const { key, recoveryCodes } = await enrolled();
    clock += 30_000;
    const rotated: TwoFactorContext = { ...context(), box: secretBoxKey("t".repeat(43)) };
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(await acceptAuthenticationCode(rotated, EMAIL, await record(), codeAt(key, clock))).toBeNull();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
    expect(await acceptAuthenticationCode(rotated, EMAIL, await record(), recoveryCodes[0] ?? "")).toBe("recovery");
  });
});
