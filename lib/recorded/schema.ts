// Zod schemas for what the recorder serves (./types): the browser parses /api/snapshot and
// /api/trades/{id}/history with these, and the app parses the recorder's internal API with them.
// Trade and funding payloads stay `unknown` here: lib/wire parses them, with the same rules as socket events.
import { z } from "zod";
import { TRADE_STATUSES } from "@/lib/trades/types";
import { MAX_ID_LENGTH, MAX_STATUS_LENGTH } from "@/lib/wire/field-schemas";

/** A health report names at most this many missing trades (the most recently found). */
export const MISSING_IDS_CAP = 1_000;

const isoTime = z.string().max(64).refine((value) => Number.isFinite(Date.parse(value)), "expected ISO date-time");

export const recordedStatusChangeSchema = z.object({
  status: z.enum(TRADE_STATUSES).catch("unknown"),
  rawStatus: z.string().max(MAX_STATUS_LENGTH),
  at: isoTime,
  observedAt: isoTime,
});

/** A generous cap: MAX_HISTORY in the store is 50; the recorder collapses repeats. */
const historyList = z.array(recordedStatusChangeSchema).max(500);

export const recordedSnapshotSchema = z.object({
  at: isoTime,
  trades: z.array(z.object({ payload: z.unknown(), history: historyList, missing: z.boolean().optional() })).max(200_000),
  funding: z
    .array(z.object({ kind: z.enum(["deposit", "withdrawal"]), format: z.enum(["event", "ledger"]), payload: z.unknown() }))
    .max(20_000),
  truncated: z.boolean(),
});

export const recordedTradeHistorySchema = z.object({
  tradeId: z.string().min(1).max(MAX_ID_LENGTH),
  known: z.boolean(),
  history: historyList,
});

const reconcileSchema = z.object({
  reason: z.enum(["startup", "interval", "connected", "manual"]),
  startedAt: isoTime,
  durationMs: z.number(),
  checked: z.number(),
  returned: z.number(),
  changed: z.number(),
  missing: z.number(),
  notFound: z.number().default(0),
  funding: z.number(),
  requests: z.number(),
  rateLimited: z.number(),
  errors: z.array(z.string().max(500)).max(20),
});

export const recorderHealthStateSchema = z.object({
  connected: z.boolean(),
  connectedSince: isoTime.nullable(),
  reconnects: z.number(),
  eventsRecorded: z.number(),
  malformedIgnored: z.number(),
  lastMalformedReasons: z.array(z.string().max(500)).max(20).default([]),
  unknownStatusEvents: z.number().default(0),
  lastUnknownStatuses: z.array(z.string().max(500)).max(20).default([]),
  lastEventAt: isoTime.nullable(),
  lastEventLagMs: z.number().nullable(),
  lastReconcile: reconcileSchema.nullable(),
  lastPrune: z.object({ at: isoTime, trades: z.number(), funding: z.number() }).nullable(),
  lastError: z.string().max(500).nullable(),
  alertWebhook: z
    .object({
      delivered: z.number(),
      failed: z.number(),
      gaveUp: z.number(),
      unknown: z.number().default(0),
      lastError: z.string().max(500).nullable(),
      lastErrorAt: isoTime.nullable(),
    })
    .nullable()
    .optional(),
});

export const recorderHealthReportSchema = z.object({
  database: z.enum(["pglite", "postgres"]),
  at: isoTime,
  recorders: z
    .array(
      z.object({
        recorderId: z.string().max(200),
        host: z.string().max(255),
        pid: z.number(),
        startedAt: isoTime,
        heartbeatAt: isoTime,
        state: recorderHealthStateSchema,
        alive: z.boolean(),
        sinceLastEventMs: z.number().nullable(),
      }),
    )
    .max(100),
  missingTrades: z
    .object({ count: z.number(), ids: z.array(z.string().min(1).max(MAX_ID_LENGTH)).max(MISSING_IDS_CAP) })
    .default({ count: 0, ids: [] }),
});
