// POST { text }: a plain-text note on a trade (1-2000 characters after trimming, no control characters
// but line breaks and tabs), signed with the staff member's email.
import { auditOriginOf } from "@/lib/audit/audit-origin";
import { teamSource } from "@/lib/db/team-source";
import { noteBodySchema } from "@/lib/trades/alert-input";
import { noStoreJson } from "@/lib/http/json";
import { withStaff } from "@/lib/http/with-staff";
import { type IdContext, pathId, SAME_ORIGIN, teamBody } from "../../../alerts/team-request";

export const dynamic = "force-dynamic";

export const POST = withStaff<IdContext>(
  async (request, staff, context) => {
    const id = await pathId(context, "trade");
    if (!id.ok) return id.response;
    const body = await teamBody(request, noteBodySchema);
    if (!body.ok) return body.response;
    const note = await teamSource().call({ op: "note", tradeId: id.value, text: body.value.text, actor: staff.email, ...auditOriginOf(request) });
    return noStoreJson({ note });
  },
  { sameOriginOnly: SAME_ORIGIN, needs: "act" },
);
