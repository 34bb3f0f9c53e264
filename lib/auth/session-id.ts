// A staff session's id: made at sign-in, carried in the session JWT (`sid`, encrypted like the rest of
// it, with `sidWhere`, the store that records it: ./session-store.ts) and handed to the server's
// session checks by the session callback (./config.ts). It names the session's record
// (lib/db/staff-sessions.ts); on its own it grants nothing.
import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";

const sessionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{32,64}$/);

export function newSessionId(): string {
  return randomBytes(32).toString("base64url");
}

export interface SessionRef {
  id: string;
  /** The store that records it (./session-store.ts). */
  where: string;
}

const refSchema = z.object({ sid: sessionIdSchema, sidWhere: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/) });

/** The session a token or session carries, or null (a session from before sessions were recorded has none: it no longer counts). */
export function sessionRefIn(carrier: unknown): SessionRef | null {
  const parsed = refSchema.safeParse(carrier);
  return parsed.success ? { id: parsed.data.sid, where: parsed.data.sidWhere } : null;
}
