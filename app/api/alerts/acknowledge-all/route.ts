// POST: acknowledges every open alert (snoozed ones too) as the signed-in staff member.
import { teamSource } from "@/lib/db/team-source";
import { noStoreJson } from "@/lib/http/json";
import { withStaff } from "@/lib/http/with-staff";
import { SAME_ORIGIN } from "../team-request";

export const dynamic = "force-dynamic";

export const POST = withStaff(
  async (_request, staff) => noStoreJson(await teamSource().call({ op: "acknowledge-all", actor: staff.email })),
  { sameOriginOnly: SAME_ORIGIN, needs: "act" },
);
