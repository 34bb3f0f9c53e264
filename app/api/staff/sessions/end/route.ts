// POST { email } (admins, same-origin): ends every session of that staff member on every instance
// within seconds (lib/auth/session-liveness.ts); their open pages go signed-out. Audited as
// `session-revoked`. Answers { ended: <how many were open> }.
import { z } from "zod";
import { requestFacts } from "@/lib/auth/request-facts";
import { auditQuietly } from "@/lib/auth/session-events";
import { endSessionsOf } from "@/lib/auth/session-liveness";
import { jsonError, noStoreJson } from "@/lib/http/json";
import { readJsonBody } from "@/lib/http/read-json-body";
import { withStaff } from "@/lib/http/with-staff";

const bodySchema = z.object({ email: z.string().trim().toLowerCase().min(3).max(320) });

export const POST = withStaff(
  async (request, admin) => {
    const raw = await readJsonBody(request, 4_096);
    const body = raw.ok ? bodySchema.safeParse(raw.value) : null;
    if (!body?.success) return jsonError(raw.ok ? 400 : raw.reason === "too_large" ? 413 : 400, "invalid_body", 'Expected { "email": "<staff email>" }.');
    const ended = await endSessionsOf(body.data.email, "revoked");
    auditQuietly({ actor: admin.email, action: "session-revoked", subject: body.data.email, detail: `${ended} session(s) ended`, ...(await requestFacts()) });
    return noStoreJson({ ended });
  },
  { sameOriginOnly: "Ending sessions must come from the dashboard's own pages.", needs: "end-others-sessions" },
);
