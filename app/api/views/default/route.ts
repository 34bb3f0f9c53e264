// PUT { viewId: id | null }: the saved view a bare /board opens for the signed-in staff member (one of
// their own or a shared one; 404 otherwise), or none.
import { teamSource } from "@/lib/db/team-source";
import { noStoreJson } from "@/lib/http/json";
import { withStaff } from "@/lib/http/with-staff";
import { defaultViewBodySchema } from "@/lib/trades/saved-view";
import { teamBody } from "../../alerts/team-request";
import { SAME_ORIGIN, viewNotFound } from "../views-request";

export const dynamic = "force-dynamic";

export const PUT = withStaff(
  async (request, staff) => {
    const body = await teamBody(request, defaultViewBodySchema);
    if (!body.ok) return body.response;
    const answer = await teamSource().call({ op: "view-default", email: staff.email, viewId: body.value.viewId });
    return answer ? noStoreJson(answer) : viewNotFound();
  },
  { sameOriginOnly: SAME_ORIGIN },
);
