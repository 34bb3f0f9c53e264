// POST { assignee: email | null } (someone in the staff directory, else 400): who works on this alert.
import { auditOriginOf } from "@/lib/audit/audit-origin";
import { teamSource } from "@/lib/db/team-source";
import { noStoreJson } from "@/lib/http/json";
import { withStaff } from "@/lib/http/with-staff";
import { assigneeBody, type IdContext, notFound, pathId, SAME_ORIGIN } from "../../team-request";

export const dynamic = "force-dynamic";

export const POST = withStaff<IdContext>(
  async (request, staff, context) => {
    const id = await pathId(context, "alert");
    if (!id.ok) return id.response;
    const assignee = await assigneeBody(request);
    if (!assignee.ok) return assignee.response;
    const alert = await teamSource().call({ op: "assign-alert", id: id.value, assignee: assignee.value, actor: staff.email, ...auditOriginOf(request) });
    return alert ? noStoreJson({ alert }) : notFound(id.value);
  },
  { sameOriginOnly: SAME_ORIGIN, needs: "act" },
);
