// GET ?actor=&action=&from=&to=&cursor=&limit=1..500 (admins): the audit log newest first, one page,
// with `nextCursor` for the next (older) one. A bad filter is a 400 JSON naming it.
import { parseAuditFilters } from "@/lib/audit/audit-filters";
import { teamSource } from "@/lib/db/team-source";
import { jsonError, noStoreJson } from "@/lib/http/json";
import { withStaff } from "@/lib/http/with-staff";

export const dynamic = "force-dynamic";

export const GET = withStaff(
  async (request) => {
    const filters = parseAuditFilters(new URL(request.url).searchParams);
    if (!filters.ok) return jsonError(400, "invalid_query", filters.message);
    return noStoreJson(await teamSource().call({ op: "audit-read", query: filters.query }));
  },
  { needs: "read-audit" },
);
