import { describe, expect, it } from "vitest";
import { REAL_MODE_ENV } from "./testing/real-mode-env";
import { EnvError } from "./env-error";
import { checkStartEnv } from "./start-plan";

const valid = REAL_MODE_ENV;

describe("checkStartEnv", () => {
  it("is demo mode without an API key, with default ports", () => {
    expect(checkStartEnv({})).toEqual({ mode: "demo", port: 3000, simPort: 4010 });
    expect(checkStartEnv({ PORT: "3100", SIM_PORT: "0" })).toEqual({ mode: "demo", port: 3100, simPort: 0 });
  });

  it("still checks what the operator did set in demo mode", () => {
    expect(() => checkStartEnv({ ASSETPAY_TOKEN_STEAM_ID: "123" })).toThrowError(/^ASSETPAY_TOKEN_STEAM_ID: expected/);
    expect(() => checkStartEnv({ STAFF_ACCOUNTS: "x" })).toThrowError(/^STAFF_ACCOUNTS:/);
    expect(() => checkStartEnv({ PORT: "http" })).toThrowError(/^PORT: expected a TCP port/);
    expect(() => checkStartEnv({ SIM_PORT: "70000" })).toThrowError(/^SIM_PORT: expected a TCP port/);
    expect(() => checkStartEnv({ DEMO_PASSWORD: "short" })).toThrowError(/^DEMO_PASSWORD: expected at least 8 characters/);
  });

  it("is real mode with an API key, and then everything is required", () => {
    expect(checkStartEnv(valid)).toEqual({ mode: "real", port: 3000, simPort: 0 });
    expect(() => checkStartEnv({ ASSETPAY_API_KEY: "ap_x" })).toThrowError(/^ASSETPAY_TOKEN_STEAM_ID: not set/);
  });
});

function linesOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as EnvError).lines;
  }
  throw new Error("expected an EnvError");
}

describe("checkStartEnv with several bad variables", () => {
  it("lists all of them in demo mode, stall limits included, without echoing values", () => {
    const lines = linesOf(() =>
      checkStartEnv({
        PORT: "http",
        SIM_PORT: "70000",
        STAFF_ACCOUNTS: "correct horse battery",
        RECORDER_RECONCILE_SECONDS: "1",
        DEMO_PASSWORD: "s3cr",
        STALL_ACTIVE_SECONDS: "ten minutes",
      }),
    );
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^PORT: expected a TCP port/);
    expect(lines[1]).toMatch(/^SIM_PORT: expected a TCP port/);
    expect(lines[2]).toMatch(/^STAFF_ACCOUNTS: expected .*entry 1 has no ":"/);
    expect(lines[3]).toMatch(/^RECORDER_RECONCILE_SECONDS: expected seconds/);
    expect(lines[4]).toMatch(/^DEMO_PASSWORD: expected at least 8 characters$/);
    expect(lines[5]).toMatch(/^STALL_ACTIVE_SECONDS: expected seconds \(offer sent, not accepted\)/);
    const text = lines.join("\n");
    for (const value of ["horse", "s3cr", "ten minutes", "70000"]) expect(text).not.toContain(value);
  });

  it("lists all of them in real mode: the app's settings, the port and the stall limits", () => {
    const lines = linesOf(() => checkStartEnv({ ASSETPAY_API_KEY: "ap_x", PORT: "0", AUTH_SECRET: "hunter2", STALL_UNKNOWN_SECONDS: "0" }));
    expect(lines.map((line) => line.slice(0, line.indexOf(":")))).toEqual([
      "PORT",
      "ASSETPAY_TOKEN_STEAM_ID",
      "ASSETPAY_TOKEN_TRADE_URL",
      "STAFF_ACCOUNTS",
      "AUTH_SECRET",
      "STALL_UNKNOWN_SECONDS",
    ]);
    expect(lines.join("\n")).not.toContain("hunter2");
  });

  it("accepts well-formed stall limits in both modes", () => {
    expect(checkStartEnv({ STALL_HOLD_GRACE_SECONDS: "0" }).mode).toBe("demo");
    expect(checkStartEnv({ ...valid, STALL_ACTIVE_SECONDS: "600" }).mode).toBe("real");
  });
});
