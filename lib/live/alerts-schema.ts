// The alerts API's payloads as the browser accepts them (see docs/architecture.md#islands): every
// answer and stream event from /api/alerts and /api/trades/{id}/team is parsed here, at the edge, so
// the alerts store and the components trust their types. Lenient about extra fields, strict about the
// ones the UI reads. Never imported by the server island.
import { z } from "zod";

export const ALERT_KINDS = ["stalled", "failed", "reverted", "missing", "funding-failed"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

const isoTime = z.string().min(1).max(64);
const email = z.string().min(1).max(320);

export const alertSchema = z.object({
  id: z.string().min(1).max(200),
  kind: z.enum(ALERT_KINDS),
  tradeId: z.string().min(1).max(200).nullable(),
  fundingId: z.string().min(1).max(200).nullable(),
  game: z.enum(["cs2", "rust"]).nullable(),
  reason: z.string().max(2_000),
  raisedAt: isoTime,
  acknowledgedAt: isoTime.nullable(),
  acknowledgedBy: email.nullable(),
  assignee: email.nullable(),
  snoozedUntil: isoTime.nullable(),
  version: z.number().int().nonnegative(),
});
export type Alert = z.infer<typeof alertSchema>;

export const alertsSnapshotSchema = z.object({
  alerts: z.array(z.unknown()).max(10_000),
  openCount: z.number().int().nonnegative(),
  cursor: z.number().int().nonnegative(),
});

export const openCountSchema = z.object({ openCount: z.number().int().nonnegative() });

export const tradeNoteSchema = z.object({
  id: z.string().min(1).max(200),
  tradeId: z.string().min(1).max(200),
  author: email,
  text: z.string().max(10_000),
  at: isoTime,
});
export type TradeNote = z.infer<typeof tradeNoteSchema>;

export const tradeTeamSchema = z.object({
  alerts: z.array(alertSchema).max(1_000),
  notes: z.array(tradeNoteSchema).max(5_000),
  assignee: email.nullable(),
});
export type TradeTeam = z.infer<typeof tradeTeamSchema>;

/** The error body every alerts route answers a 4xx with. */
export const apiErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string().max(1_000) }) });
