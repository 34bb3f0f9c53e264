// GET: the signed-in staff member's saved board views and every shared one, with owners, and their
// default view. POST { name, shared, query }: saves a view (201); any role may save a personal view,
// sharing needs `share-views` (403); a name the asker already uses, or a view over their cap → 409. The query is re-parsed into
// the board's canonical form (lib/trades/saved-view.ts), so nothing else is ever stored.
import { auditOriginOf } from "@/lib/audit/audit-origin";
import { can } from "@/lib/auth/roles";
import { teamSource } from "@/lib/db/team-source";
import { jsonError, noStoreJson } from "@/lib/http/json";
import { withStaff } from "@/lib/http/with-staff";
import { createViewBodySchema, MAX_VIEWS_PER_OWNER } from "@/lib/trades/saved-view";
import { teamBody } from "../alerts/team-request";
import { duplicateName, SAME_ORIGIN } from "./views-request";

export const dynamic = "force-dynamic";

export const GET = withStaff(async (_request, staff) => noStoreJson(await teamSource().call({ op: "views-list", email: staff.email })));

export const POST = withStaff(
  async (request, staff) => {
    const body = await teamBody(request, createViewBodySchema);
    if (!body.ok) return body.response;
    const { name, shared, query } = body.value;
    if (shared && !can(staff.role, "share-views")) {
      return jsonError(403, "forbidden", `Your role (${staff.role}) may save personal views only.`);
    }
    const answer = await teamSource().call({ op: "view-create", owner: staff.email, name, shared, query, ...auditOriginOf(request) });
    if (answer.outcome === "created") return noStoreJson({ view: answer.view }, { status: 201 });
    if (answer.outcome === "duplicate") return duplicateName(name);
    return jsonError(409, "too_many_views", `You may keep at most ${MAX_VIEWS_PER_OWNER} saved views. Delete one first.`);
  },
  { sameOriginOnly: SAME_ORIGIN },
);
