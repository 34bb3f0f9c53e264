import { describe, expect, it } from "vitest";
import { EnvError } from "./env-error";
import { parseEnv } from "./server-env";

const HASH = "$2b$10$abcdefghijklmnopqrstuu5vU5mP7XwQH6L2yWq8o0m6fI9cJzR1y";
const valid = {
  ASSETPAY_API_KEY: "ap_live_123",
  ASSETPAY_TOKEN_STEAM_ID: "76561198000000001",
  ASSETPAY_TOKEN_TRADE_URL: "https://steamcommunity.com/tradeoffer/new/?partner=39734273&token=Ops_Dash",
  STAFF_ACCOUNTS: `ops@example.test:${HASH}`,
  AUTH_SECRET: "x".repeat(43),
};

describe("CALLBACK_FORWARD_TOKEN", () => {
  it("is off when unset", () => {
    expect(parseEnv(valid).callbackForwardToken).toBeNull();
  });

  it("is read when long enough", () => {
    const token = "f".repeat(40);
    expect(parseEnv({ ...valid, CALLBACK_FORWARD_TOKEN: token }).callbackForwardToken).toBe(token);
  });

  it("refuses a short or spaced token, naming the variable but not the value", () => {
    for (const bad of ["short", `${"a".repeat(20)} ${"b".repeat(20)}`]) {
      let message = "";
      try {
        parseEnv({ ...valid, CALLBACK_FORWARD_TOKEN: bad });
      } catch (error) {
        expect(error).toBeInstanceOf(EnvError);
        message = (error as Error).message;
      }
      expect(message).toContain("CALLBACK_FORWARD_TOKEN");
      expect(message).not.toContain(bad);
    }
  });
});
