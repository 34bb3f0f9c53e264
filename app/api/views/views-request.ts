// What the saved-view routes share: the view id in the path (400 when it cannot be one) and the answers
// for a view that is not there or not the asker's to change.
import { jsonError } from "@/lib/http/json";
import { isAcceptablePathId } from "@/lib/http/path-id";
import type { Parsed } from "../alerts/team-request";

export type ViewContext = { params: Promise<{ id: string }> };

const MAX_VIEW_ID_LENGTH = 64;

export async function viewId(context: ViewContext): Promise<Parsed<string>> {
  const id = (await context.params).id;
  if (!isAcceptablePathId(id, MAX_VIEW_ID_LENGTH)) {
    return { ok: false, response: jsonError(400, "invalid_id", `Expected a view id of 1-${MAX_VIEW_ID_LENGTH} printable characters.`) };
  }
  return { ok: true, value: id };
}

export const viewNotFound = () => jsonError(404, "not_found", "No such saved view.");

export const duplicateName = (name: string) =>
  jsonError(409, "duplicate_name", `You already have a view named ${JSON.stringify(name)}. Choose another name.`);

export const SAME_ORIGIN = "Saved views are changed from the dashboard's own pages only.";
