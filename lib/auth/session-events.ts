// What happens on the store when a session starts and when it is signed out of: the record is opened
// (and `sign-in` audited) at sign-in, ended (and `sign-out` audited) at sign-out. Called from
// next-auth's callbacks and events (./config.ts); the other ways a session ends are in ./session-actions.ts.
import "server-only";
import type { User } from "next-auth";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditEventInput } from "@/lib/audit/audit-actions";
import { env } from "@/lib/env/server";
import { requestFacts } from "./request-facts";
import { newSessionId, type SessionRef, sessionRefIn } from "./session-id";
import { staffIdentityOf } from "./session-identity";
import { endSession } from "./session-liveness";
import { storeForNewSession } from "./session-store";

/** The audit log must not stop a sign-in or sign-out: a failure to write it is a warning. */
export function auditQuietly(event: AuditEventInput): void {
  recordAuditEvent(event).catch((error: unknown) =>
    console.warn(`[auth] ${event.action} not audited: ${error instanceof Error ? error.message : String(error)}`),
  );
}

/** Records a new session for `user`; its id and store, for the JWT. Throws when the store cannot record it. */
export async function sessionOpenedAtSignIn(options: {
  user: User | undefined;
  /** The single sign-on claims the JWT carries (./sso-session), none for a password sign-in. */
  sso: { sso?: unknown };
  provider: string;
  maxAgeSeconds: number;
}): Promise<SessionRef> {
  const email = options.user?.email?.trim().toLowerCase();
  if (!email) throw new Error("a signed-in user without an email");
  const identity = staffIdentityOf({ user: { ...options.user, email }, expires: new Date().toISOString(), ...options.sso }, env());
  const facts = await requestFacts();
  const id = newSessionId();
  const { key, store } = storeForNewSession();
  const role = identity?.role ?? null;
  const { previousRole } = await store.open({
    id,
    email,
    role,
    provider: options.provider,
    expiresAt: new Date(Date.now() + options.maxAgeSeconds * 1_000).toISOString(),
    ...facts,
  });
  auditQuietly({ actor: email, action: "sign-in", subject: null, detail: `via ${options.provider}${role ? ` as ${role}` : ""}`, ...facts });
  if (role !== null && previousRole !== null && previousRole !== role) {
    auditQuietly({ actor: email, action: "role-change", subject: email, detail: `${previousRole} → ${role} (seen at sign-in)`, ...facts });
  }
  return { id, where: key };
}

/** Ends the signed-out session's record (`token` is the decoded session JWT). */
export async function sessionEndedBySignOut(token: unknown): Promise<void> {
  const session = sessionRefIn(token);
  if (session === null) return;
  const ended = await endSession(session, "sign-out");
  if (ended) auditQuietly({ actor: ended.email, action: "sign-out", subject: null, detail: null, ...(await requestFacts()) });
}
