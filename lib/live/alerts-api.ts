// Browser calls to the alerts and team routes (acknowledge, assign, snooze, notes, a trade's team
// state, the staff directory the Assignee pickers offer). Components never fetch these themselves. Every answer is parsed at the edge; a refusal comes
// back as the server's own message in words (a 400 says what was wrong with a note), never thrown.
import { z } from "zod";
import { STAFF_ROLES, type StaffRole } from "@/lib/auth/roles";
import { type ApiAnswer, callApi, defaultFetch, type FetchJson } from "./api-call";
import { type Alert, alertSchema, type TradeNote, type TradeTeam, tradeNoteSchema, tradeTeamSchema } from "./alerts-schema";

export type { ApiAnswer, FetchJson } from "./api-call";

/** POST with a JSON body (`{}` when none), or GET with none. */
function call<T>(url: string, body: unknown, schema: z.ZodType<T>, fetchImpl: FetchJson, method: "GET" | "POST" = "POST"): Promise<ApiAnswer<T>> {
  return callApi(method, url, method === "POST" ? (body ?? {}) : undefined, schema, fetchImpl);
}

const path = (...parts: string[]) => parts.map((p) => encodeURIComponent(p)).join("/");

export function acknowledgeAlert(id: string, fetchImpl = defaultFetch): Promise<ApiAnswer<{ alert: Alert; changed: boolean }>> {
  return call(`/api/alerts/${path(id)}/acknowledge`, {}, z.object({ alert: alertSchema, changed: z.boolean() }), fetchImpl);
}

export function acknowledgeAllAlerts(fetchImpl = defaultFetch): Promise<ApiAnswer<{ acknowledged: number }>> {
  return call("/api/alerts/acknowledge-all", {}, z.object({ acknowledged: z.number().int().nonnegative() }), fetchImpl);
}

export function snoozeAlert(id: string, minutes: number, fetchImpl = defaultFetch): Promise<ApiAnswer<{ alert: Alert }>> {
  return call(`/api/alerts/${path(id)}/snooze`, { minutes }, z.object({ alert: alertSchema }), fetchImpl);
}

export function fetchTradeTeam(tradeId: string, fetchImpl = defaultFetch): Promise<ApiAnswer<TradeTeam>> {
  return call(`/api/trades/${path(tradeId)}/team`, undefined, tradeTeamSchema, fetchImpl, "GET");
}

export function addTradeNote(tradeId: string, text: string, fetchImpl = defaultFetch): Promise<ApiAnswer<{ note: TradeNote }>> {
  return call(`/api/trades/${path(tradeId)}/notes`, { text }, z.object({ note: tradeNoteSchema }), fetchImpl);
}

export function assignTrade(tradeId: string, assignee: string | null, fetchImpl = defaultFetch): Promise<ApiAnswer<{ assignee: string | null }>> {
  return call(`/api/trades/${path(tradeId)}/assign`, { assignee }, z.object({ assignee: z.string().nullable() }), fetchImpl);
}

export function assignAlert(id: string, assignee: string | null, fetchImpl = defaultFetch): Promise<ApiAnswer<{ alert: Alert }>> {
  return call(`/api/alerts/${path(id)}/assign`, { assignee }, z.object({ alert: alertSchema }), fetchImpl);
}

export interface StaffDirectoryEntry {
  email: string;
  role: StaffRole;
}

const staffDirectorySchema = z.object({
  staff: z.array(z.object({ email: z.string().min(3).max(254), role: z.enum(STAFF_ROLES) })).max(10_000),
});

/** The staff a trade or an alert can be assigned to (operators and admins). */
export async function fetchStaffDirectory(fetchImpl = defaultFetch): Promise<ApiAnswer<StaffDirectoryEntry[]>> {
  const answer = await call("/api/staff/directory", undefined, staffDirectorySchema, fetchImpl, "GET");
  return answer.ok ? { ok: true, value: answer.value.staff } : answer;
}

/** Records a CSV export of the board's view in the audit log; the page offers the file only after this succeeds. */
export function recordTradeExport(rows: number, view: string, fetchImpl = defaultFetch): Promise<ApiAnswer<{ recorded: true }>> {
  return call("/api/trades/export", { rows, view }, z.object({ recorded: z.literal(true) }), fetchImpl);
}
