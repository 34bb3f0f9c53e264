// POST { assignee: email | null }: remembers who works on the trade and assigns its open alerts.
import { auditOriginOf } from "@/lib/audit/audit-origin";
import { teamSource } from "@/lib/db/team-source";
import { assignBodySchema } from "@/lib/trades/alert-input";
import { noStoreJson } from "@/lib/http/json";
import { withStaff } from "@/lib/http/with-staff";
import { type IdContext, pathId, SAME_ORIGIN, teamBody } from "../../../alerts/team-request";

export const dynamic = "force-dynamic";

export const POST = withStaff<IdContext>(
  async (request, staff, context) => {
    const id = await pathId(context, "trade");
    if (!id.ok) return id.response;
    const body = await teamBody(request, assignBodySchema);
    if (!body.ok) return body.response;
    return noStoreJson(await teamSource().call({ op: "assign-trade", tradeId: id.value, assignee: body.value.assignee, actor: staff.email, ...auditOriginOf(request) }));
  },
  { sameOriginOnly: SAME_ORIGIN, needs: "act" },
);
