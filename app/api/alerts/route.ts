// GET ?state=open|all&limit=1..500: alerts newest first, the open count and the change cursor (the
// SSE stream's catch-up point).
import { z } from "zod";
import { teamSource } from "@/lib/db/team-source";
import { jsonError, noStoreJson } from "@/lib/http/json";
import { withStaff } from "@/lib/http/with-staff";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  state: z.enum(["open", "all"]).default("open"),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const GET = withStaff(async (request) => {
  const params = new URL(request.url).searchParams;
  const query = querySchema.safeParse({ state: params.get("state") ?? undefined, limit: params.get("limit") ?? undefined });
  if (!query.success) return jsonError(400, "invalid_query", "Expected state=open|all and limit=1..500.");
  return noStoreJson(await teamSource().call({ op: "list", state: query.data.state, limit: query.data.limit }));
});
