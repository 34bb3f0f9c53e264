// POST: acknowledges one alert for everyone. Twice is harmless (`changed: false`); unknown id → 404.
import { auditOriginOf } from "@/lib/audit/audit-origin";
import { teamSource } from "@/lib/db/team-source";
import { noStoreJson } from "@/lib/http/json";
import { withStaff } from "@/lib/http/with-staff";
import { type IdContext, notFound, pathId, SAME_ORIGIN } from "../../team-request";

export const dynamic = "force-dynamic";

export const POST = withStaff<IdContext>(
  async (request, staff, context) => {
    const id = await pathId(context, "alert");
    if (!id.ok) return id.response;
    const answer = await teamSource().call({ op: "acknowledge", id: id.value, actor: staff.email, ...auditOriginOf(request) });
    return answer ? noStoreJson(answer) : notFound(id.value);
  },
  { sameOriginOnly: SAME_ORIGIN, needs: "act" },
);
