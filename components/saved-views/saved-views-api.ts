// Browser calls to the saved-view routes (app/api/views). Every answer is parsed at the edge; a refusal
// comes back as the server's own message in words (a 409 names the name in use), never thrown.
import { z } from "zod";
import { type ApiAnswer, type ApiMethod, callApi } from "@/lib/live/api-call";
import { type SavedView, type SavedViewList, savedViewListSchema, savedViewSchema } from "@/lib/trades/saved-view";

export type ViewsAnswer<T> = ApiAnswer<T>;

const call = <T,>(method: ApiMethod, url: string, body: unknown, schema: z.ZodType<T>) => callApi(method, url, body, schema);

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
