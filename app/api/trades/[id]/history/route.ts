// GET: one trade's full recorded status history (every change any recorder observed), for the detail
// drawer — more than the open tab saw itself.
import { recordedSource } from "@/lib/db/recorded-source";
import { noStoreJson } from "@/lib/http/json";
import { withStaff } from "@/lib/http/with-staff";
import { type IdContext, pathId } from "../../../alerts/team-request";

export const dynamic = "force-dynamic";

export const GET = withStaff<IdContext>(async (_request, _staff, context) => {
  const id = await pathId(context, "trade");
  if (!id.ok) return id.response;
  return noStoreJson(await recordedSource().history(id.value));
});
