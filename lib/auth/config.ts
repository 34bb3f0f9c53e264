// next-auth configuration: staff sign in with email + password from STAFF_ACCOUNTS (Credentials
// provider) or, when AUTH_OIDC_* is set, through an OpenID Connect provider (./sso-sign-in); sessions
// are signed JWT cookies that last AUTH_SESSION_MAX_AGE_SECONDS (8 h default), each with a record on
// the store that sign-out and the other ways a session ends close (./session-liveness.ts). Built per
// request from `env()` so nothing is read at build time. Never logs what a person typed.
import "server-only";
import type { NextAuthConfig } from "next-auth";
import { AuthError, CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { env } from "@/lib/env/server";
import { clientAddress } from "./client-address";
import { sessionEndedBySignOut, sessionOpenedAtSignIn } from "./session-events";
import { TooManyAttempts } from "./errors";
import { signInLimits } from "./limiter-instance";
import { MAX_ACCOUNT_KEY_LENGTH } from "./sign-in-limits";
import { admitSsoSignIn, ssoProvider, withSsoClaims } from "./sso-sign-in";
import { ssoSessionFields } from "./sso-session";
import { verifyStaffPassword } from "./staff-password";
import { secondFactorPasses } from "./two-factor/sign-in-check";

/** The email a refused attempt named, as the limiter and the audit log keep it. */
function emailTried(input: Partial<Record<string, unknown>>): string {
  return typeof input.email === "string" ? input.email.trim().toLowerCase().slice(0, MAX_ACCOUNT_KEY_LENGTH) : "";
}

/** A failed sign-in in the audit log; the attempt's answer never waits on (or fails with) the log. */
function auditFailure(request: Request, actor: string, address: string, detail: string): void {
  recordAuditEvent({
    actor,
    action: "sign-in-failed",
    detail,
    address,
    userAgent: request.headers.get("user-agent")?.slice(0, 512) ?? null,
  }).catch((error: unknown) => console.warn(`[auth] could not audit a failed sign-in: ${error instanceof Error ? error.message : String(error)}`));
}

const credentialsSchema = z.object({
  email: z.string().trim().min(3).max(320),
  // bcrypt reads 72 bytes; the cap only stops absurd bodies.
  password: z.string().min(1).max(1024),
});

export function authConfig(): NextAuthConfig {
  const config = env();
  return {
    secret: config.authSecret,
    // Self-hosted behind our own `next start` or a reverse proxy: the Host header is ours to trust.
    trustHost: true,
    session: { strategy: "jwt", maxAge: config.sessionMaxAgeSeconds },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    callbacks: {
      signIn: ({ account, profile }) => admitSsoSignIn(account, profile, config.oidc),
      // At sign-in only (not on every read of the session): the single sign-on role from its claim, then
      // the session's record, whose id the JWT carries. A store that cannot record it fails the sign-in.
      async jwt({ token, user, account, profile, trigger }) {
        const withSso = withSsoClaims(token, account, profile, config.oidc);
        if (trigger !== "signIn" && trigger !== "signUp") return withSso;
        const session = await sessionOpenedAtSignIn({
          user,
          sso: ssoSessionFields(withSso),
          provider: account?.provider ?? "credentials",
          maxAgeSeconds: config.sessionMaxAgeSeconds,
        });
        return { ...withSso, sid: session.id, sidWhere: session.where };
      },
      // Report the session JWT's real expiry, not Auth.js's default "now + maxAge": our server code
      // reads sessions with auth(), which cannot set cookies, so sessions never roll and the cookie's
      // JWT expires AUTH_SESSION_MAX_AGE_SECONDS after sign-in. The session memo (guards.ts) relies on
      // it. The session id goes to the server's checks (guards.ts).
      session({ session, token }) {
        const withFields = { ...session, ...ssoSessionFields(token), sid: token.sid, sidWhere: token.sidWhere };
        return typeof token.exp === "number" ? { ...withFields, expires: new Date(token.exp * 1000).toISOString() } : withFields;
      },
    },
    events: {
      // Every way of signing out (our Sign out button, next-auth's own /api/auth/signout) ends the
      // session on the store, so a copy of the cookie stops working too.
      async signOut(message) {
        await sessionEndedBySignOut("token" in message ? message.token : null);
      },
    },
    providers: [
      Credentials({
        id: "credentials",
        name: "Staff account",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        // Limits first (per address and per account, before any bcrypt work), then the password.
        async authorize(input, request) {
          const limits = signInLimits();
          const address = clientAddress(request.headers);
          const email = emailTried(input);
          const verdict = await limits.check(address, email);
          if (!verdict.allowed) {
            auditFailure(request, email, address, `refused: too many attempts (retry in ${verdict.retryAfterSeconds} s)`);
            throw new TooManyAttempts(verdict.retryAfterSeconds);
          }
          const parsed = credentialsSchema.safeParse(input);
          const account = parsed.success
            ? await verifyStaffPassword(config.staffAccounts, parsed.data.email, parsed.data.password)
            : null;
          if (!account) {
            await limits.fail(address, email);
            auditFailure(request, email, address, parsed.success ? "wrong email or password" : "malformed sign-in form");
            return null;
          }
          // With two-factor sign-in on, a current authentication code too (./two-factor/sign-in-check). A
          // missing code throws "code needed", which counts as neither a failure nor a success.
          if (!(await secondFactorPasses(account.email, input, request))) {
            await limits.fail(address, email);
            auditFailure(request, email, address, "wrong or reused authentication code");
            return null;
          }
          await limits.succeed(address, email);
          return { id: account.email, email: account.email, name: account.email };
        },
      }),
      ...(config.oidc ? [ssoProvider(config.oidc)] : []),
    ],
    logger: {
      error(error) {
        // Routine refusals get one line and no stack; nothing a person typed is ever logged.
        if (error instanceof CredentialsSignin) return console.warn(`[auth] sign-in refused (${error.code})`);
        const type = error instanceof AuthError ? error.type : error.name;
        if (type === "JWTSessionError") return console.warn("[auth] ignored an unreadable session cookie (forged, or signed with an old AUTH_SECRET)");
        const cause = (error.cause as { err?: unknown } | undefined)?.err;
        console.error(`[auth] ${type}: ${cause instanceof Error ? cause.message : error.message}`);
      },
    },
  };
}
