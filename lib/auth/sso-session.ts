// What a single sign-on session carries besides the email: the role its claim gave at sign-in. The
// session JWT keeps it (./sso-sign-in), next-auth's session object passes it on as is (config.ts), and
// ./session-identity parses it like any outside value: its presence alone marks a single sign-on
// session, so a malformed one is refused rather than read as a password session.
import { z } from "zod";
import { STAFF_ROLES } from "./roles";

export const ssoSessionClaimsSchema = z.object({ role: z.enum(STAFF_ROLES) });

export type SsoSessionClaims = z.infer<typeof ssoSessionClaimsSchema>;

/** For next-auth's session callback: the token's `sso` for a single sign-on session, nothing for a password one. */
export function ssoSessionFields(token: Record<string, unknown>): { sso?: unknown } {
  return token.sso === undefined ? {} : { sso: token.sso };
}
