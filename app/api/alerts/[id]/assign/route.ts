// POST { assignee: email | null }: who works on this alert.
import { auditOriginOf } from "@/lib/audit/audit-origin";
import { teamSource } from "@/lib/db/team-source";
import { assignBodySchema } from "@/lib/trades/alert-input";
import { noStoreJson } from "@/lib/http/json";
import { withStaff } from "@/lib/http/with-staff";
import { type IdContext, notFound, pathId, SAME_ORIGIN, teamBody } from "../../team-request";

export const dynamic = "force-dynamic";

export const POST = withStaff<IdContext>(
  async (request, staff, context) => {
    const id = await pathId(context, "alert");
    if (!id.ok) return id.response;
    const body = await teamBody(request, assignBodySchema);
    if (!body.ok) return body.response;
    const alert = await teamSource().call({ op: "assign-alert", id: id.value, assignee: body.value.assignee, actor: staff.email, ...auditOriginOf(request) });
    return alert ? noStoreJson({ alert }) : notFound(id.value);
  },
  { sameOriginOnly: SAME_ORIGIN, needs: "act" },
);
