// GET: one trade's full recorded status history (every change any recorder observed), for the detail
// drawer — more than the open tab saw itself.
import { z } from "zod";
import { recordedSource } from "@/lib/db/recorded-source";
import { jsonError, noStoreJson } from "@/lib/http/json";
import { withStaff } from "@/lib/http/with-staff";
import { MAX_ID_LENGTH } from "@/lib/wire/field-schemas";

export const dynamic = "force-dynamic";

const idSchema = z.string().min(1).max(MAX_ID_LENGTH);

export const GET = withStaff<{ params: Promise<{ id: string }> }>(async (_request, _staff, context) => {
  const id = idSchema.safeParse((await context.params).id);
  if (!id.success) return jsonError(400, "invalid_id", `Expected a trade id of 1-${MAX_ID_LENGTH} characters.`);
  return noStoreJson(await recordedSource().history(id.data));
});
