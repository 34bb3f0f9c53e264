// next-auth configuration: staff sign in with email + password from STAFF_ACCOUNTS (Credentials
// provider), sessions are signed JWT cookies that last AUTH_SESSION_MAX_AGE_SECONDS (8 h default).
// Built per request from `env()` so nothing is read at build time. Never logs what a person typed.
import "server-only";
import type { NextAuthConfig } from "next-auth";
import { AuthError, CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "@/lib/env/server";
import { clientAddress } from "./client-address";
import { TooManyAttempts } from "./errors";
import { signInLimiter } from "./limiter-instance";
import { verifyStaffPassword } from "./staff-password";
import { secondFactorPasses } from "./two-factor/sign-in-check";

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
      // Report the session JWT's real expiry, not Auth.js's default "now + maxAge": our server code
      // reads sessions with auth(), which cannot set cookies, so sessions never roll and the cookie's
      // JWT expires AUTH_SESSION_MAX_AGE_SECONDS after sign-in. The session memo (guards.ts) relies on it.
      session({ session, token }) {
        return typeof token.exp === "number" ? { ...session, expires: new Date(token.exp * 1000).toISOString() } : session;
      },
    },
    providers: [
      Credentials({
        id: "credentials",
        name: "Staff account",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(input, request) {
          const limiter = signInLimiter();
          const address = clientAddress(request.headers);
          const verdict = limiter.check(address);
          if (!verdict.allowed) throw new TooManyAttempts(verdict.retryAfterSeconds);
          const parsed = credentialsSchema.safeParse(input);
          const account = parsed.success
            ? await verifyStaffPassword(config.staffAccounts, parsed.data.email, parsed.data.password)
            : null;
          // With two-factor sign-in on, a current authentication code too (./two-factor/sign-in-check).
          if (!account || !(await secondFactorPasses(account.email, input, request))) {
            limiter.fail(address);
            return null;
          }
          limiter.succeed(address);
          return { id: account.email, email: account.email, name: account.email };
        },
      }),
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
