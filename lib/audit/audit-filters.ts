// The audit log's filters as URL search params (actor, action, from, to, cursor, limit): parsed with zod
// for GET /api/audit and its CSV export, written by the /audit page. No I/O.
import { z } from "zod";
import { AUDIT_ACTIONS, AUDIT_LIMITS } from "./audit-actions";
import type { AuditQuery } from "./audit-schema";

export const AUDIT_PAGE_DEFAULT = 100;
export const AUDIT_PAGE_MAX = 500;

/** A time Postgres' timestamptz accepts (an ISO date or date-time), as ISO. */
const time = z
  .string()
  .max(64)
  .transform((value, ctx) => {
    const ms = Date.parse(value);
    const year = Number.isFinite(ms) ? new Date(ms).getUTCFullYear() : NaN;
    if (!(year >= 1970 && year <= 9999)) {
      ctx.issues.push({ code: "custom", message: "expected an ISO date or date-time", input: value });
      return z.NEVER;
    }
    return new Date(ms).toISOString();
  });

const filtersSchema = z
  .object({
    actor: z.string().trim().min(1).max(AUDIT_LIMITS.actor).optional(),
    action: z.enum(AUDIT_ACTIONS).optional(),
    from: time.optional(),
    to: time.optional(),
    cursor: z.string().regex(/^\d{1,18}$/, "expected a cursor from nextCursor").optional(),
    limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).optional(),
  })
  .refine((filters) => !filters.from || !filters.to || filters.from <= filters.to, { message: "from must not be after to", path: ["from"] });

/** `summary`: the filters in words ("action=note, from=…"), "" for none; for the export's audit entry. */
export type AuditFilterResult = { ok: true; query: AuditQuery; summary: string } | { ok: false; message: string };

/** Unknown params are ignored; empty ones count as unset (a cleared form field). */
export function parseAuditFilters(params: URLSearchParams): AuditFilterResult {
  const given: Record<string, string> = {};
  for (const name of ["actor", "action", "from", "to", "cursor", "limit"]) {
    const value = params.get(name);
    if (value !== null && value.trim() !== "") given[name] = value;
  }
  const parsed = filtersSchema.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.map(String).join(".") || "query";
    return { ok: false, message: `${where}: ${issue?.message ?? "invalid"}` };
  }
  const f = parsed.data;
  const summary = (["actor", "action", "from", "to"] as const)
    .flatMap((name) => (f[name] === undefined ? [] : [`${name}=${f[name]}`]))
    .join(", ");
  return {
    ok: true,
    summary,
    query: {
      actor: f.actor ?? null,
      action: f.action ?? null,
      from: f.from ?? null,
      to: f.to ?? null,
      before: f.cursor ?? null,
      limit: f.limit ?? AUDIT_PAGE_DEFAULT,
    },
  };
}

export interface AuditFilterValues {
  actor: string;
  action: string;
  /** ISO, or "" for none. */
  from: string;
  to: string;
}

/** The query string for these filters (empty ones left out), plus a cursor when paging on. */
export function auditFilterParams(filters: AuditFilterValues, cursor: string | null = null): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value.trim() !== "") params.set(name, value.trim());
  if (cursor) params.set("cursor", cursor);
  return params;
}
