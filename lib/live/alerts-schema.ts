// The alerts API's payloads as the browser accepts them (see docs/architecture.md#islands): every
// answer and stream event from /api/alerts and /api/trades/{id}/team is parsed at this edge, so the
// alerts store and the components trust their types. The objects' own schemas are the domain's
// (lib/trades/alert-schema.ts), shared with the server; only the browser's envelopes live here.
import { z } from "zod";
import { alertSchema, tradeNoteSchema, tradeTeamSchema } from "@/lib/trades/alert-schema";

export { alertSchema, tradeNoteSchema, tradeTeamSchema };
export type Alert = z.infer<typeof alertSchema>;
export type TradeNote = z.infer<typeof tradeNoteSchema>;
export type TradeTeam = z.infer<typeof tradeTeamSchema>;

/** A stream's first event: its alerts are parsed one by one, so one bad alert is counted, not fatal. */
export const alertsSnapshotSchema = z.object({
  alerts: z.array(z.unknown()).max(10_000),
  openCount: z.number().int().nonnegative(),
  cursor: z.number().int().nonnegative(),
});

export const openCountSchema = z.object({ openCount: z.number().int().nonnegative() });

/** The error body every alerts route answers a 4xx with. */
export const apiErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string().max(1_000) }) });
