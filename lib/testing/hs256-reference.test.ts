import { describe, expect, it } from "vitest";
import { referenceHs256Token, verifyHs256 } from "./hs256-reference";

// The HS256 example of RFC 7515, appendix A.1: its header JSON has line breaks, so only verification
// can be checked against it; signing is checked against verification and a fixed token below.
const RFC_TOKEN =
  "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9" +
  ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ" +
  ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const RFC_KEY = Buffer.from("AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow", "base64url");

describe("the reference HS256", () => {
  it("verifies the RFC 7515 example and refuses it under another key or with a changed payload", () => {
    expect(verifyHs256(RFC_TOKEN, RFC_KEY)).toEqual({
      header: { typ: "JWT", alg: "HS256" },
      payload: { iss: "joe", exp: 1300819380, "http://example.com/is_root": true },
    });
    expect(() => verifyHs256(RFC_TOKEN, "another key")).toThrow("signature does not match");
    const [h, , s] = RFC_TOKEN.split(".");
    const changed = Buffer.from(JSON.stringify({ iss: "joe", exp: 1300819380, "http://example.com/is_root": false })).toString("base64url");
    expect(() => verifyHs256(`${h}.${changed}.${s}`, RFC_KEY)).toThrow("signature does not match");
    expect(() => verifyHs256("a.b", RFC_KEY)).toThrow("not a compact JWS");
  });

  // Expected value computed independently, with `openssl dgst -sha256 -hmac secret`.
  it("signs the objects as given, in key order, verifiable by its own check", () => {
    const token = referenceHs256Token({ alg: "HS256", userId: "m" }, { b: 1, a: 2 }, "secret");
    expect(token).toBe("eyJhbGciOiJIUzI1NiIsInVzZXJJZCI6Im0ifQ.eyJiIjoxLCJhIjoyfQ.b8hGaRnS_EYeLZUIfOe9RpWErDK3bq4Ez0VMXbHPqvg");
    expect(verifyHs256(token, "secret")).toEqual({ header: { alg: "HS256", userId: "m" }, payload: { b: 1, a: 2 } });
  });
});
