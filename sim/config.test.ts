import { describe, expect, it } from "vitest";
import { loadSimConfig } from "./config";

describe("SIM_* environment", () => {
  it("maps variables to options and leaves unset ones to the defaults", () => {
    const result = loadSimConfig({
      SIM_PORT: "0",
      SIM_API_KEY: "ap_test_key_123",
      SIM_SPEED: "60",
      SIM_RATE: "0.5",
      SIM_CONTROL: "off",
      SIM_DISCONNECT_ON_EXPIRY: "false",
      SIM_SEED: "",
    });
    expect(result).toEqual({
      ok: true,
      options: expect.objectContaining({ port: 0, apiKey: "ap_test_key_123", speed: 60, rate: 0.5, control: false, disconnectOnExpiry: false, seed: undefined }),
    });
  });

  it.each([
    ["SIM_PORT", "70000"],
    ["SIM_API_KEY", "sk_live_123456789"],
    ["SIM_SPEED", "0"],
    ["SIM_RATE", "fast"],
    ["SIM_CONTROL", "maybe"],
    ["SIM_TOKEN_TTL_SECONDS", "1.5"],
  ])("rejects %s=%s with one line naming it", (name, value) => {
    const result = loadSimConfig({ [name]: value });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(new RegExp(`^Invalid ${name}: expected .+`));
    expect(result.message).toContain(JSON.stringify(value));
    expect(result.message).not.toContain("\n");
  });
});
