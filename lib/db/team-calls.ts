// The team operations as data: one call (op and arguments) that the app either runs on PostgreSQL
// itself or sends to the recorder that owns PGlite (recorder/internal-api.ts, POST /team), where the
// same function runs it. One list of operations, so both paths can never drift apart.
import "server-only";
import { z } from "zod";
import { MAX_NOTE_LENGTH, MAX_SNOOZE_MINUTES, MIN_SNOOZE_MINUTES } from "@/lib/trades/alert-input";
import { alertListSchema, alertSchema, tradeNoteSchema, tradeTeamSchema } from "@/lib/trades/alert-schema";
import { MAX_ID_LENGTH } from "@/lib/wire/field-schemas";
import {
  acknowledgeAlert,
  acknowledgeAllAlerts,
  addTradeNote,
  alertChangesSince,
  assignAlert,
  assignTrade,
  listAlerts,
  readTradeTeam,
  snoozeAlert,
  type TeamDb,
} from "./alert-team";

const alertId = z.string().min(1).max(400);
const tradeId = z.string().min(1).max(MAX_ID_LENGTH);
const actor = z.string().min(1).max(320);
const assignee = z.string().min(1).max(320).nullable();

export const teamCallSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("list"), state: z.enum(["open", "all"]), limit: z.number().int().min(1).max(1_000) }),
  z.object({ op: z.literal("changes"), cursor: z.number().int().min(0) }),
  z.object({ op: z.literal("acknowledge"), id: alertId, actor }),
  z.object({ op: z.literal("acknowledge-all"), actor }),
  z.object({ op: z.literal("assign-alert"), id: alertId, assignee, actor }),
  z.object({ op: z.literal("snooze"), id: alertId, minutes: z.number().int().min(MIN_SNOOZE_MINUTES).max(MAX_SNOOZE_MINUTES), actor }),
  z.object({ op: z.literal("trade-team"), tradeId }),
  z.object({ op: z.literal("note"), tradeId, text: z.string().min(1).max(MAX_NOTE_LENGTH), actor }),
  z.object({ op: z.literal("assign-trade"), tradeId, assignee, actor }),
]);

export type TeamCall = z.infer<typeof teamCallSchema>;

/** What each call answers, as a schema the caller across the loopback checks the answer with. */
export const teamAnswerSchemas = {
  list: alertListSchema,
  changes: alertListSchema,
  acknowledge: z.object({ alert: alertSchema, changed: z.boolean() }).nullable(),
  "acknowledge-all": z.object({ acknowledged: z.number().int().min(0) }),
  "assign-alert": alertSchema.nullable(),
  snooze: alertSchema.nullable(),
  "trade-team": tradeTeamSchema,
  note: tradeNoteSchema,
  "assign-trade": z.object({ assignee: z.string().nullable() }),
} as const satisfies Record<TeamCall["op"], z.ZodType>;

export type TeamAnswer<Op extends TeamCall["op"]> = z.infer<(typeof teamAnswerSchemas)[Op]>;

export async function runTeamCall(db: TeamDb, call: TeamCall): Promise<unknown> {
  switch (call.op) {
    case "list":
      return listAlerts(db, { state: call.state, limit: call.limit });
    case "changes":
      return alertChangesSince(db, call.cursor);
    case "acknowledge":
      return acknowledgeAlert(db, call.id, call.actor);
    case "acknowledge-all":
      return { acknowledged: await acknowledgeAllAlerts(db, call.actor) };
    case "assign-alert":
      return assignAlert(db, call.id, call.assignee, call.actor);
    case "snooze":
      return snoozeAlert(db, call.id, call.minutes, call.actor);
    case "trade-team":
      return readTradeTeam(db, call.tradeId);
    case "note":
      return addTradeNote(db, call.tradeId, call.text, call.actor);
    case "assign-trade":
      return assignTrade(db, call.tradeId, call.assignee, call.actor);
  }
}
