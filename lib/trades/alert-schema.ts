// zod schemas of what the alerts API answers (lib/trades/alert-types.ts), for whoever reads those
// answers from outside its own process: the app reading the recorder's loopback API, the browser
// reading /api/alerts and its stream.
import { z } from "zod";
import { ALERT_KINDS } from "./alert-types";

const isoTime = z.string().max(64).refine((value) => Number.isFinite(Date.parse(value)), "expected ISO date-time");

export const alertSchema = z.object({
  id: z.string().min(1).max(400),
  kind: z.enum(ALERT_KINDS),
  tradeId: z.string().max(200).nullable(),
  fundingId: z.string().max(200).nullable(),
  game: z.enum(["cs2", "rust"]).nullable(),
  reason: z.string().max(2_000),
  raisedAt: isoTime,
  acknowledgedAt: isoTime.nullable(),
  acknowledgedBy: z.string().max(320).nullable(),
  assignee: z.string().max(320).nullable(),
  snoozedUntil: isoTime.nullable(),
  version: z.number().int().min(0),
});

export const alertListSchema = z.object({
  alerts: z.array(alertSchema).max(1_000),
  openCount: z.number().int().min(0),
  cursor: z.number().int().min(0),
});

export const tradeNoteSchema = z.object({
  id: z.string().max(100),
  tradeId: z.string().max(200),
  author: z.string().max(320),
  text: z.string().max(10_000),
  at: isoTime,
});

export const tradeTeamSchema = z.object({
  alerts: z.array(alertSchema).max(1_000),
  notes: z.array(tradeNoteSchema).max(10_000),
  assignee: z.string().max(320).nullable(),
});
