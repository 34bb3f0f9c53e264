// What the two-factor functions work with, passed in so unit tests can hand in a database of their own,
// a fixed clock and a recording audit log: where the state lives (the team calls, lib/db/team-calls.ts),
// the key that seals TOTP keys (./secret-box), the clock, and the audit log.
import "server-only";
import type { AuditAction } from "@/lib/audit/audit-actions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { clientAddress } from "@/lib/auth/client-address";
import { type TeamSource, teamSource } from "@/lib/db/team-source";
import { env } from "@/lib/env/server";
import { secretBoxKey } from "./secret-box";

export interface TwoFactorContext {
  source: TeamSource;
  box: Buffer;
  now(): number;
  /** Appends to the audit log; never throws: what it records has already happened. */
  audit(actor: string, action: AuditAction, detail?: string): Promise<void>;
}

/** For one request: its address and user agent go into the audit events. */
export function twoFactorContext(headers: Headers): TwoFactorContext {
  const address = clientAddress(headers);
  const userAgent = headers.get("user-agent")?.slice(0, 512) ?? null;
  return {
    source: teamSource(),
    box: secretBoxKey(env().authSecret),
    now: Date.now,
    audit: (actor, action, detail) =>
      recordAuditEvent({ actor, action, subject: actor, detail: detail ?? null, address, userAgent }).then(
        () => undefined,
        (error: unknown) => {
          console.warn(`[two-factor] could not write ${action} to the audit log: ${error instanceof Error ? error.message : String(error)}`);
        },
      ),
  };
}
