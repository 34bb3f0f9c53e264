// Whether a reverse proxy stands in front of the dashboard (TRUST_PROXY). Only then are the headers a
// proxy sets believed: `X-Forwarded-For` for the client's address (the sign-in limiter's key) and
// `X-Forwarded-Proto` for whether the page was served over HTTPS (HSTS). Without a proxy a client
// could write them itself. Rules only (see ./setting).
import { z } from "zod";
import { optional, parseSettings, type EnvSource, type Rule } from "./setting";

export const TRUST_PROXY: Rule<boolean> = {
  schema: z.enum(["true", "false"]).transform((value) => value === "true"),
  expected: "true (behind a reverse proxy that sets X-Forwarded-For and X-Forwarded-Proto) or false",
};

export const proxyFields = { TRUST_PROXY: optional(TRUST_PROXY) };

export interface ProxySettings {
  trustProxy: boolean;
}

export function toProxySettings(values: z.output<z.ZodObject<typeof proxyFields>>): ProxySettings {
  return { trustProxy: values.TRUST_PROXY ?? false };
}

/** TRUST_PROXY alone, for code that runs before (and apart from) the rest of the settings. */
export function parseProxySettings(source: EnvSource): ProxySettings {
  return toProxySettings(parseSettings(z.object(proxyFields), source));
}
