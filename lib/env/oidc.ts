// Single sign-on through an OpenID Connect provider (AUTH_OIDC_*): off unless the issuer, the client id
// and the client secret are all set; any AUTH_OIDC_* without all three is refused, naming the missing
// ones. Rules only (see ./setting); lib/auth/sso-provider.ts turns the settings into next-auth's provider.
import { z } from "zod";
import { optional, type Rule } from "./setting";

export const DEFAULT_OIDC_NAME = "SSO";

/** The three that turn single sign-on on; each is required as soon as any AUTH_OIDC_* is set. */
const GROUP = ["AUTH_OIDC_ISSUER", "AUTH_OIDC_CLIENT_ID", "AUTH_OIDC_CLIENT_SECRET"] as const;

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * Kept exactly as given: the provider's discovery document must name the same issuer, trailing slash
 * and all. Plain http only for a provider on this machine (a test provider); anything else would send
 * the authorization code and client secret in the clear.
 */
const ISSUER: Rule<string> = {
  schema: z
    .url({ protocol: /^https?$/ })
    .max(2_048)
    .refine((value) => {
      if (!URL.canParse(value)) return false;
      const url = new URL(value);
      return url.protocol === "https:" || LOOPBACK_HOSTS.has(url.hostname);
    }),
  expected: "the provider's issuer URL, https:// (http:// only on 127.0.0.1 or localhost), as its discovery document names it",
};
const CLIENT_ID: Rule<string> = { schema: z.string().regex(/^\S{1,512}$/), expected: "the client id the provider gave this dashboard (no spaces)" };
const CLIENT_SECRET: Rule<string> = { schema: z.string().regex(/^\S{1,1024}$/), expected: "the client secret the provider gave this dashboard (no spaces)" };
const BUTTON_NAME: Rule<string> = {
  // Shown on the sign-in button: printable, no control or bidi characters, short enough for one line.
  schema: z.string().regex(/^[^\p{C}]{1,40}$/u),
  expected: "a short name for the sign-in button (1 to 40 printable characters), default SSO",
};
const ROLE_CLAIM: Rule<string> = {
  // A top-level claim name; it may contain dots and slashes (namespaced claims such as https://example.com/role).
  schema: z.string().regex(/^[\x21-\x7e]{1,200}$/),
  expected: "the name of the ID token claim that holds viewer, operator or admin",
};
const DOMAIN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
const ALLOWED_DOMAINS: Rule<string[]> = {
  schema: z.string().transform((value, ctx) => {
    const domains = value.split(",").map((domain) => domain.trim().toLowerCase().replace(/^@/, ""));
    const bad = domains.findIndex((domain) => !DOMAIN.test(domain));
    if (bad < 0) return [...new Set(domains)];
    ctx.issues.push({ code: "custom", message: `entry ${bad + 1} is not a domain name`, input: undefined });
    return z.NEVER;
  }),
  expected: "comma-separated email domains such as example.com,example.org",
};

export const oidcFields = {
  AUTH_OIDC_ISSUER: optional(ISSUER),
  AUTH_OIDC_CLIENT_ID: optional(CLIENT_ID),
  AUTH_OIDC_CLIENT_SECRET: optional(CLIENT_SECRET),
  AUTH_OIDC_NAME: optional(BUTTON_NAME),
  AUTH_OIDC_ROLE_CLAIM: optional(ROLE_CLAIM),
  AUTH_OIDC_ALLOWED_DOMAINS: optional(ALLOWED_DOMAINS),
};

type OidcValues = z.output<z.ZodObject<typeof oidcFields>>;

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The button says "Sign in with <name>". */
  name: string;
  /** null: no claim is read and everyone who signs in this way is a viewer. */
  roleClaim: string | null;
  /** Lowercased; null: any email the provider vouches for. */
  allowedDomains: string[] | null;
}

export interface OidcSettingsGroup {
  /** null: single sign-on is off. */
  oidc: OidcSettings | null;
}

export function toOidcSettings(values: OidcValues): OidcSettingsGroup {
  const { AUTH_OIDC_ISSUER: issuer, AUTH_OIDC_CLIENT_ID: clientId, AUTH_OIDC_CLIENT_SECRET: clientSecret } = values;
  if (issuer === undefined || clientId === undefined || clientSecret === undefined) return { oidc: null };
  return {
    oidc: {
      issuer,
      clientId,
      clientSecret,
      name: values.AUTH_OIDC_NAME ?? DEFAULT_OIDC_NAME,
      roleClaim: values.AUTH_OIDC_ROLE_CLAIM ?? null,
      allowedDomains: values.AUTH_OIDC_ALLOWED_DOMAINS ?? null,
    },
  };
}

/**
 * Adds the all-three-or-none rule to a settings object that spreads `oidcFields`: one refusal per
 * missing variable of the three. It runs even when other variables were refused, so every bad
 * variable is still reported at once (a set but malformed one counts as set).
 */
export function withOidcGroupRule<T extends z.ZodType<object>>(schema: T): T {
  return schema.superRefine(
    (values, ctx) => {
      const record = values as Record<string, unknown>;
      const set = Object.keys(oidcFields).filter((name) => record[name] !== undefined);
      if (set.length === 0) return;
      for (const name of GROUP) {
        if (record[name] !== undefined) continue;
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: `not set, but ${set.join(", ")} ${set.length === 1 ? "is" : "are"}; single sign-on needs ${GROUP.join(", ")} together (or none of AUTH_OIDC_*)`,
        });
      }
    },
    { when: () => true },
  );
}
