// PATCH { name }: renames a saved view (its owner only: 403 for anyone else; 409 for a name the owner
// already uses). DELETE: removes it — its owner, or for a shared view staff with `delete-shared-views`
// (admins). Another staff member's personal view answers 404, as if it did not exist.
import { auditOriginOf } from "@/lib/audit/audit-origin";
import { can } from "@/lib/auth/roles";
import { teamSource } from "@/lib/db/team-source";
import { jsonError, noStoreJson } from "@/lib/http/json";
import { withStaff } from "@/lib/http/with-staff";
import { renameViewBodySchema } from "@/lib/trades/saved-view";
import { teamBody } from "../../alerts/team-request";
import { duplicateName, SAME_ORIGIN, type ViewContext, viewId, viewNotFound } from "../views-request";

export const dynamic = "force-dynamic";

export const PATCH = withStaff<ViewContext>(
  async (request, staff, context) => {
    const id = await viewId(context);
    if (!id.ok) return id.response;
    const body = await teamBody(request, renameViewBodySchema);
    if (!body.ok) return body.response;
    const answer = await teamSource().call({ op: "view-rename", id: id.value, email: staff.email, name: body.value.name });
    switch (answer.outcome) {
      case "renamed":
        return noStoreJson({ view: answer.view });
      case "duplicate":
        return duplicateName(body.value.name);
      case "not-owner":
        return jsonError(403, "forbidden", "Only the staff member who saved a view may rename it.");
      case "not-found":
        return viewNotFound();
    }
  },
  { sameOriginOnly: SAME_ORIGIN },
);

export const DELETE = withStaff<ViewContext>(
  async (request, staff, context) => {
    const id = await viewId(context);
    if (!id.ok) return id.response;
    const answer = await teamSource().call({
      op: "view-delete",
      id: id.value,
      email: staff.email,
      mayDeleteShared: can(staff.role, "delete-shared-views"),
      ...auditOriginOf(request),
    });
    if (answer.outcome === "not-found") return viewNotFound();
    if (answer.outcome === "not-allowed") return jsonError(403, "forbidden", "Only its owner or an admin may delete a shared view.");
    return noStoreJson({ deleted: true });
  },
  { sameOriginOnly: SAME_ORIGIN },
);
