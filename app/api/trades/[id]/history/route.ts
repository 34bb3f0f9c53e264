// GET: one trade's full recorded status history (every change any recorder observed), for the detail
// drawer — more than the open tab saw itself.
import { z } from "zod";
import { requireStaffApi } from "@/lib/auth";
import { RecorderUnavailableError, recordedSource } from "@/lib/db/recorded-source";
import { jsonError, noStoreJson } from "@/lib/http/json";
import { MAX_ID_LENGTH } from "@/lib/wire/field-schemas";

export const dynamic = "force-dynamic";

const idSchema = z.string().min(1).max(MAX_ID_LENGTH);

export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  const gate = await requireStaffApi();
  if (!gate.ok) return gate.response;
  const id = idSchema.safeParse((await context.params).id);
  if (!id.success) return jsonError(400, "invalid_id", `Expected a trade id of 1-${MAX_ID_LENGTH} characters.`);
  try {
    return noStoreJson(await recordedSource().history(id.data));
  } catch (error) {
    if (error instanceof RecorderUnavailableError) return jsonError(503, "recorder_unavailable", error.message);
    throw error;
  }
}
