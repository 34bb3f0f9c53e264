import { describe, expect, it } from "vitest";
import { EnvError } from "./env-error";
import { parseEnv } from "./server-env";
import { REAL_MODE_ENV } from "./testing/real-mode-env";

const valid = REAL_MODE_ENV;

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
