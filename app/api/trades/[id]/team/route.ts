// GET: a trade's alerts, notes and assignee, for its detail beside the recorded status history.
import { teamSource } from "@/lib/db/team-source";
import { noStoreJson } from "@/lib/http/json";
import { withStaff } from "@/lib/http/with-staff";
import { type IdContext, pathId } from "../../../alerts/team-request";

export const dynamic = "force-dynamic";

export const GET = withStaff<IdContext>(async (_request, _staff, context) => {
  const id = await pathId(context, "trade");
  if (!id.ok) return id.response;
  return noStoreJson(await teamSource().call({ op: "trade-team", tradeId: id.value }));
});
