// A staff session's id: made at sign-in, carried in the session JWT (`sid`, encrypted like the rest of
// it) and handed to the server's session checks by the session callback (./config.ts). It names the
// session's record on the store (lib/db/staff-sessions.ts); on its own it grants nothing.
import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";

const sessionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{32,64}$/);

export function newSessionId(): string {
  return randomBytes(32).toString("base64url");
}

/** The id a token or session carries, or null (a session from before sessions were recorded has none: it no longer counts). */
export function sessionIdIn(carrier: unknown): string | null {
  const parsed = z.object({ sid: sessionIdSchema }).safeParse(carrier);
  return parsed.success ? parsed.data.sid : null;
}
