// zod schemas of the audit log's values for whoever reads them from outside its own process: the
// recorder's loopback API (an event to append, a page to answer), the app reading that answer, and the
// /audit page reading /api/audit. No I/O.
import { z } from "zod";
import { AUDIT_ACTIONS, AUDIT_LIMITS } from "./audit-actions";

const isoTime = z.string().max(64).refine((value) => Number.isFinite(Date.parse(value)), "expected ISO date-time");
const text = (max: number) => z.string().max(max).nullable();

export const auditActionSchema = z.enum(AUDIT_ACTIONS);

export const auditEventSchema = z.object({
  actor: z.string().min(1).max(AUDIT_LIMITS.actor),
  action: auditActionSchema,
  subject: text(AUDIT_LIMITS.subject).optional(),
  detail: text(AUDIT_LIMITS.detail).optional(),
  address: text(AUDIT_LIMITS.address),
  userAgent: text(AUDIT_LIMITS.userAgent),
});

export const auditEntrySchema = z.object({
  seq: z.string().regex(/^\d{1,19}$/),
  id: z.string().max(100),
  at: isoTime,
  actor: z.string().max(AUDIT_LIMITS.actor),
  action: auditActionSchema,
  subject: text(AUDIT_LIMITS.subject),
  detail: text(AUDIT_LIMITS.detail),
  address: text(AUDIT_LIMITS.address),
  userAgent: text(AUDIT_LIMITS.userAgent),
});

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema).max(5_000),
  /** Pass as `cursor` for the next (older) page; null when this was the last. */
  nextCursor: z.string().regex(/^\d{1,19}$/).nullable(),
});

/** What the log can be asked for; `before` is a cursor (only rows written before it). */
export const auditQuerySchema = z.object({
  actor: z.string().min(1).max(AUDIT_LIMITS.actor).nullable(),
  action: auditActionSchema.nullable(),
  from: isoTime.nullable(),
  to: isoTime.nullable(),
  before: z.string().regex(/^\d{1,19}$/).nullable(),
  limit: z.number().int().min(1).max(5_000),
});

export type AuditQuery = z.infer<typeof auditQuerySchema>;
export type AuditPage = z.infer<typeof auditPageSchema>;
