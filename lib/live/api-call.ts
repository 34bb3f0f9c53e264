// One browser call to a dashboard route, answered in words: every answer is parsed at the edge with
// the schema given, and a refusal comes back as the server's own message (lib/http/json.ts's error
// shape), never thrown. The route clients (./alerts-api.ts, components/saved-views) build on this.
import type { z } from "zod";
import { apiErrorSchema } from "./alerts-schema";

export type ApiAnswer<T> = { ok: true; value: T } | { ok: false; status: number; message: string };

export type FetchJson = (url: string, init: RequestInit) => Promise<Response>;

export const defaultFetch: FetchJson = (url, init) => fetch(url, init);

export type ApiMethod = "GET" | "POST" | "PUT" | "DELETE";

/** `body` undefined: none is sent (GET, DELETE); otherwise it goes as JSON. */
export async function callApi<T>(method: ApiMethod, url: string, body: unknown, schema: z.ZodType<T>, fetchImpl: FetchJson = defaultFetch): Promise<ApiAnswer<T>> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
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
