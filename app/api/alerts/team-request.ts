// What the alert and team routes (and the trade history route) share: the id in the path, the capped,
// zod-checked JSON body and the assignee (someone in the staff directory, or null), each turned into a
// 400 with a clear message when wrong.
import type { z } from "zod";
import { findAssignable } from "@/lib/auth/staff-directory";
import { assignBodySchema, firstIssue } from "@/lib/trades/alert-input";
import { readJsonBody } from "@/lib/http/read-json-body";
import { jsonError } from "@/lib/http/json";
import { isAcceptablePathId } from "@/lib/http/path-id";
import { MAX_ID_LENGTH } from "@/lib/wire/field-schemas";

/** Team bodies are a note of at most 2,000 characters, or less. */
export const TEAM_BODY_BYTES = 16 * 1024;
export const MAX_ALERT_ID_LENGTH = 400;

export type IdContext = { params: Promise<{ id: string }> };

export type Parsed<T> = { ok: true; value: T } | { ok: false; response: Response };

export async function pathId(context: IdContext, what: "alert" | "trade"): Promise<Parsed<string>> {
  const id = (await context.params).id;
  const max = what === "alert" ? MAX_ALERT_ID_LENGTH : MAX_ID_LENGTH;
  if (!isAcceptablePathId(id, max)) {
    return { ok: false, response: jsonError(400, "invalid_id", `Expected ${what === "alert" ? "an alert" : "a trade"} id of 1-${max} printable characters.`) };
  }
  return { ok: true, value: id };
}

export async function teamBody<T>(request: Request, schema: z.ZodType<T>): Promise<Parsed<T>> {
  const raw = await readJsonBody(request, TEAM_BODY_BYTES);
  if (!raw.ok && raw.reason === "too_large") return { ok: false, response: jsonError(413, "body_too_large", `A body may be at most ${TEAM_BODY_BYTES} bytes.`) };
  if (!raw.ok) return { ok: false, response: jsonError(400, "invalid_body", "Expected a JSON body.") };
  const body = schema.safeParse(raw.value);
  if (!body.success) return { ok: false, response: jsonError(400, "invalid_body", firstIssue(body.error)) };
  return { ok: true, value: body.data };
}

/** An assign body's assignee as the directory spells it, or null for nobody; 400 for anyone not in it. */
export async function assigneeBody(request: Request): Promise<Parsed<string | null>> {
  const body = await teamBody(request, assignBodySchema);
  if (!body.ok) return body;
  const { assignee } = body.value;
  if (assignee === null) return { ok: true, value: null };
  const entry = await findAssignable(assignee);
  if (entry === null) {
    return { ok: false, response: jsonError(400, "unknown_assignee", `${JSON.stringify(assignee.slice(0, 80))} is not staff who can be assigned (operators and admins).`) };
  }
  return { ok: true, value: entry.email };
}

export const notFound = (id: string) => jsonError(404, "not_found", `No alert with id ${JSON.stringify(id.slice(0, 80))}.`);

export const SAME_ORIGIN = "Alert and team actions must come from the dashboard's own pages.";
