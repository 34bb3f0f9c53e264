// Saved views of the trade board: what staff send (a name, personal or shared, the board's query
// string) and what the views routes answer. Pure zod, so the route handlers, the recorder's loopback API
// (lib/db/team-calls.ts) and the browser apply the same rules. A view's query is always the board's own
// canonical form (lib/trades/board-params.ts) without the open trade: junk in a request never reaches
// the store, and a view opens exactly as `/board?<query>`.
import { z } from "zod";
import { parseBoardParams, serializeBoardParams } from "./board-params";

export const MAX_VIEW_NAME = 80;
/** Far above any canonical board query (statuses, types, flags, a 200-character search, percent-encoded). */
export const MAX_VIEW_QUERY = 2_000;
/** A staff member's views and the shared ones together are listed up to this many, their own first. */
export const MAX_VIEWS_LISTED = 500;
/** Views one staff member may keep (personal and shared together): the list stays short and the table small. */
export const MAX_VIEWS_PER_OWNER = 100;

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export const viewNameSchema = z
  .string({ error: "A view needs a name." })
  .transform((name) => name.trim())
  .refine((name) => name.length > 0, "A view needs a name.")
  .refine((name) => name.length <= MAX_VIEW_NAME, `A view's name may be at most ${MAX_VIEW_NAME} characters.`)
  .refine((name) => !CONTROL.test(name), "A view's name may not contain control characters.");

/** The board's canonical query for `query` (with or without "?"): unknown or bad parts dropped, never the open trade. */
export function canonicalViewQuery(query: string): string {
  return serializeBoardParams({ ...parseBoardParams(new URLSearchParams(query)), trade: null });
}

const viewQuerySchema = z
  .string()
  .max(MAX_VIEW_QUERY, `A view's query may be at most ${MAX_VIEW_QUERY} characters.`)
  .transform(canonicalViewQuery);

export const createViewBodySchema = z.object({
  name: viewNameSchema,
  shared: z.boolean().default(false),
  query: viewQuerySchema,
});
export type CreateViewBody = z.infer<typeof createViewBodySchema>;

export const renameViewBodySchema = z.object({ name: viewNameSchema });

/** PUT /api/views/default: the view to open on a bare /board, or null for none. */
export const defaultViewBodySchema = z.object({ viewId: z.string().min(1).max(64).nullable() });

export const savedViewSchema = z.object({
  id: z.string(),
  owner: z.string(),
  name: z.string(),
  shared: z.boolean(),
  query: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedView = z.infer<typeof savedViewSchema>;

/** GET /api/views: the asker's own views, then every other shared one, each by name, and the asker's default. */
export const savedViewListSchema = z.object({
  views: z.array(savedViewSchema).max(MAX_VIEWS_LISTED),
  defaultViewId: z.string().nullable(),
});
export type SavedViewList = z.infer<typeof savedViewListSchema>;

/** The view whose query is the board's current one (the open trade aside), mine first; null for none. */
export function openViewOf(views: readonly SavedView[], currentQuery: string, me: string): SavedView | null {
  const query = canonicalViewQuery(currentQuery);
  const matching = views.filter((view) => view.query === query);
  return matching.find((view) => view.owner === me) ?? matching[0] ?? null;
}
