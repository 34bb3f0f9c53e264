// POST { assignee: email | null } (someone in the staff directory, else 400): remembers who works on
// the trade and assigns its open alerts.
import { auditOriginOf } from "@/lib/audit/audit-origin";
import { teamSource } from "@/lib/db/team-source";
import { noStoreJson } from "@/lib/http/json";
import { withStaff } from "@/lib/http/with-staff";
import { assigneeBody, type IdContext, pathId, SAME_ORIGIN } from "../../../alerts/team-request";

export const dynamic = "force-dynamic";

export const POST = withStaff<IdContext>(
  async (request, staff, context) => {
    const id = await pathId(context, "trade");
    if (!id.ok) return id.response;
    const assignee = await assigneeBody(request);
    if (!assignee.ok) return assignee.response;
    return noStoreJson(await teamSource().call({ op: "assign-trade", tradeId: id.value, assignee: assignee.value, actor: staff.email, ...auditOriginOf(request) }));
  },
  { sameOriginOnly: SAME_ORIGIN, needs: "act" },
);
