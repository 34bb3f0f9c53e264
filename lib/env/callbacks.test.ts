import { describe, expect, it } from "vitest";
import { EnvError } from "./env-error";
import { parseEnv } from "./server-env";
import { REAL_MODE_ENV } from "./testing/real-mode-env";

const valid = REAL_MODE_ENV;

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
