// POST: acknowledges every open alert (snoozed ones too) as the signed-in staff member.
import { auditOriginOf } from "@/lib/audit/audit-origin";
import { teamSource } from "@/lib/db/team-source";
import { noStoreJson } from "@/lib/http/json";
import { withStaff } from "@/lib/http/with-staff";
import { SAME_ORIGIN } from "../team-request";

export const dynamic = "force-dynamic";

export const POST = withStaff(
  async (request, staff) => noStoreJson(await teamSource().call({ op: "acknowledge-all", actor: staff.email, ...auditOriginOf(request) })),
  { sameOriginOnly: SAME_ORIGIN, needs: "act" },
);
