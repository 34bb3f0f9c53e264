// Where a staff action came from, as a route handler sees its request: the client address (decided by
// lib/auth/client-address.ts, the one place that knows which proxy headers to believe) and the user agent.
import "server-only";
import { clientAddress } from "@/lib/auth/client-address";
import { AUDIT_LIMITS, type AuditOrigin } from "./audit-actions";

export function auditOriginOf(request: Request): AuditOrigin {
  const userAgent = request.headers.get("user-agent")?.trim();
  return {
    address: clientAddress(request.headers).slice(0, AUDIT_LIMITS.address),
    userAgent: userAgent ? userAgent.slice(0, AUDIT_LIMITS.userAgent) : null,
  };
}
