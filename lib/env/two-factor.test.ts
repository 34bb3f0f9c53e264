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

describe("AUTH_REQUIRE_TWO_FACTOR", () => {
  it("is off when unset", () => {
    expect(parseEnv(valid).requireTwoFactor).toBe("off");
  });

  it.each(["off", "admins", "everyone"] as const)("reads %s", (policy) => {
    expect(parseEnv({ ...valid, AUTH_REQUIRE_TWO_FACTOR: policy }).requireTwoFactor).toBe(policy);
  });

  it("refuses anything else, naming the variable and what it expects", () => {
    expect(() => parseEnv({ ...valid, AUTH_REQUIRE_TWO_FACTOR: "yes" })).toThrow(EnvError);
    expect(() => parseEnv({ ...valid, AUTH_REQUIRE_TWO_FACTOR: "yes" })).toThrow(/AUTH_REQUIRE_TWO_FACTOR: expected one of off, admins, everyone/);
  });
});
