// Browser calls to the saved-view routes (app/api/views). Every answer is parsed at the edge; a refusal
// comes back as the server's own message in words (a 409 names the name in use), never thrown.
import { z } from "zod";
import { apiErrorSchema } from "@/lib/live/alerts-schema";
import { type SavedView, type SavedViewList, savedViewListSchema, savedViewSchema } from "@/lib/trades/saved-view";

export type ViewsAnswer<T> = { ok: true; value: T } | { ok: false; status: number; message: string };

async function call<T>(method: "GET" | "POST" | "PUT" | "DELETE", url: string, body: unknown, schema: z.ZodType<T>): Promise<ViewsAnswer<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: "same-origin",
      cache: "no-store",
      headers: body === undefined ? { accept: "application/json" } : { accept: "application/json", "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    return { ok: false, status: 0, message: "The dashboard server could not be reached. Try again." };
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = apiErrorSchema.safeParse(json);
    if (error.success) return { ok: false, status: response.status, message: error.data.error.message };
    if (response.status === 401) return { ok: false, status: 401, message: "Your session ended. Sign in again." };
    return { ok: false, status: response.status, message: `The server refused (HTTP ${response.status}).` };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, status: response.status, message: "The server's answer could not be read." };
  return { ok: true, value: parsed.data };
}

export function fetchSavedViews(): Promise<ViewsAnswer<SavedViewList>> {
  return call("GET", "/api/views", undefined, savedViewListSchema);
}

export async function saveView(name: string, shared: boolean, query: string): Promise<ViewsAnswer<SavedView>> {
  const answer = await call("POST", "/api/views", { name, shared, query }, z.object({ view: savedViewSchema }));
  return answer.ok ? { ok: true, value: answer.value.view } : answer;
}

export function deleteView(id: string): Promise<ViewsAnswer<{ deleted: boolean }>> {
  return call("DELETE", `/api/views/${encodeURIComponent(id)}`, undefined, z.object({ deleted: z.boolean() }));
}

export function chooseDefaultView(viewId: string | null): Promise<ViewsAnswer<{ defaultViewId: string | null }>> {
  return call("PUT", "/api/views/default", { viewId }, z.object({ defaultViewId: z.string().nullable() }));
}
