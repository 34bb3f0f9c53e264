import { describe, expect, it } from "vitest";
import { EnvError } from "./env-error";
import { parseEnv } from "./server-env";
import { checkStartEnv } from "./start-plan";
import { REAL_MODE_ENV } from "./testing/real-mode-env";

const SSO = {
  AUTH_OIDC_ISSUER: "https://login.example.com/realms/ops",
  AUTH_OIDC_CLIENT_ID: "assetpay-ops",
  AUTH_OIDC_CLIENT_SECRET: "s3cret-value",
};

function refusalLines(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return [...(error as EnvError).lines];
  }
  throw new Error("expected the settings to be refused");
}

describe("AUTH_OIDC_* settings", () => {
  it("leave single sign-on off when none is set", () => {
    expect(parseEnv(REAL_MODE_ENV).oidc).toBeNull();
  });

  it("turn it on with the three, applying the defaults", () => {
    expect(parseEnv({ ...REAL_MODE_ENV, ...SSO }).oidc).toEqual({
      issuer: "https://login.example.com/realms/ops",
      clientId: "assetpay-ops",
      clientSecret: "s3cret-value",
      name: "SSO",
      roleClaim: null,
      allowedDomains: null,
    });
  });

  it("read the button name, the role claim and the allowed domains", () => {
    const oidc = parseEnv({
      ...REAL_MODE_ENV,
      ...SSO,
      AUTH_OIDC_NAME: "Okta",
      AUTH_OIDC_ROLE_CLAIM: "https://assetpay.example/role",
      AUTH_OIDC_ALLOWED_DOMAINS: " Example.com, @example.org ,example.com",
    }).oidc;
    expect(oidc).toMatchObject({ name: "Okta", roleClaim: "https://assetpay.example/role", allowedDomains: ["example.com", "example.org"] });
  });

  it("keep the issuer exactly as given (discovery must name the same one)", () => {
    expect(parseEnv({ ...REAL_MODE_ENV, ...SSO, AUTH_OIDC_ISSUER: "https://tenant.example.com/" }).oidc?.issuer).toBe("https://tenant.example.com/");
  });

  it("refuse a partial set, naming each missing variable and never a value", () => {
    const lines = refusalLines(() => parseEnv({ ...REAL_MODE_ENV, AUTH_OIDC_ISSUER: SSO.AUTH_OIDC_ISSUER }));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^AUTH_OIDC_CLIENT_ID: not set, but AUTH_OIDC_ISSUER is; single sign-on needs/);
    expect(lines[1]).toMatch(/^AUTH_OIDC_CLIENT_SECRET: not set/);
    expect(lines.join("\n")).not.toContain("login.example.com");
  });

  it("refuse the optional ones without the three", () => {
    const lines = refusalLines(() => parseEnv({ ...REAL_MODE_ENV, AUTH_OIDC_ALLOWED_DOMAINS: "example.com" }));
    expect(lines.map((line) => line.split(":")[0])).toEqual(["AUTH_OIDC_ISSUER", "AUTH_OIDC_CLIENT_ID", "AUTH_OIDC_CLIENT_SECRET"]);
  });

  it("report the partial set together with every other bad variable", () => {
    const lines = refusalLines(() => parseEnv({ ...REAL_MODE_ENV, AUTH_SECRET: "short", AUTH_OIDC_CLIENT_ID: "ops" }));
    expect(lines.map((line) => line.split(":")[0]).sort()).toEqual(["AUTH_OIDC_CLIENT_SECRET", "AUTH_OIDC_ISSUER", "AUTH_SECRET"]);
  });

  it.each([
    ["AUTH_OIDC_ISSUER", "http://login.example.com", /^AUTH_OIDC_ISSUER: expected the provider's issuer URL, https:\/\//],
    ["AUTH_OIDC_ISSUER", "login.example.com", /^AUTH_OIDC_ISSUER: expected/],
    ["AUTH_OIDC_CLIENT_ID", "two words", /^AUTH_OIDC_CLIENT_ID: expected the client id/],
    ["AUTH_OIDC_NAME", "Okta\u202Egnp.exe", /^AUTH_OIDC_NAME: expected a short name/],
    ["AUTH_OIDC_NAME", "x".repeat(41), /^AUTH_OIDC_NAME: expected a short name/],
    ["AUTH_OIDC_ROLE_CLAIM", "a role", /^AUTH_OIDC_ROLE_CLAIM: expected the name of the ID token claim/],
    ["AUTH_OIDC_ALLOWED_DOMAINS", "example.com,,example.org", /^AUTH_OIDC_ALLOWED_DOMAINS: expected comma-separated email domains .*; entry 2 is not a domain name$/],
    ["AUTH_OIDC_ALLOWED_DOMAINS", "ops@example.com", /entry 1 is not a domain name/],
  ])("refuse a malformed %s", (name, value, expected) => {
    const lines = refusalLines(() => parseEnv({ ...REAL_MODE_ENV, ...SSO, [name]: value }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(expected);
  });

  it("allow a plain-http issuer on this machine only (a test provider)", () => {
    expect(parseEnv({ ...REAL_MODE_ENV, ...SSO, AUTH_OIDC_ISSUER: "http://127.0.0.1:4100" }).oidc?.issuer).toBe("http://127.0.0.1:4100");
    expect(parseEnv({ ...REAL_MODE_ENV, ...SSO, AUTH_OIDC_ISSUER: "http://localhost:4100/oidc" }).oidc?.issuer).toBe("http://localhost:4100/oidc");
  });

  it("are checked by npm start in both modes", () => {
    const partial = { AUTH_OIDC_CLIENT_SECRET: "s3cret-value" };
    expect(refusalLines(() => checkStartEnv({ ...REAL_MODE_ENV, ...partial })).map((line) => line.split(":")[0])).toEqual([
      "AUTH_OIDC_ISSUER",
      "AUTH_OIDC_CLIENT_ID",
    ]);
    expect(refusalLines(() => checkStartEnv(partial)).map((line) => line.split(":")[0])).toEqual(["AUTH_OIDC_ISSUER", "AUTH_OIDC_CLIENT_ID"]);
    expect(checkStartEnv({ ...SSO }).mode).toBe("demo");
  });
});
