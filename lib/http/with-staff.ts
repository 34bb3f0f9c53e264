// The frame around every route handler that serves signed-in staff, so each handler is only its own
// work: a same-origin check first where asked (routes that mint secrets or change state), then the
// session (401 JSON without one), then the role where the route needs one (403 JSON), then two-factor
// enrolment where AUTH_REQUIRE_TWO_FACTOR asks for it (403 JSON), then one answer for what the handler
// does not handle itself — the recorder being unavailable is a 503 `recorder_unavailable` with its
// one-line reason; anything else is a 500 `internal_error` that names no internals (the error itself
// goes to the server log).
import "server-only";
import { unstable_rethrow } from "next/navigation";
import { requireStaffApi, type StaffSession } from "@/lib/auth";
import { can, type Capability } from "@/lib/auth/roles";
import { isSameOrigin } from "@/lib/auth/same-origin";
import { twoFactorEnrolmentDue } from "@/lib/auth/two-factor/requirement";
import { RecorderUnavailableError } from "@/lib/db/recorded-source";
import { jsonError } from "./json";

export type StaffHandler<Context> = (request: Request, staff: StaffSession, context: Context) => Promise<Response>;

export interface WithStaffOptions {
  /** Refuse cross-site callers with 403 `cross_origin` and this message, before the session check. */
  sameOriginOnly?: string;
  /** Refuse staff whose role lacks this with 403 `forbidden`, after the session check. */
  needs?: Capability;
  /**
   * Serve staff who must still set up two-factor sign-in (AUTH_REQUIRE_TWO_FACTOR); every other route
   * answers them 403 `two_factor_required` (lib/auth/two-factor/requirement.ts).
   */
  duringTwoFactorEnrolment?: boolean;
}

export function withStaff<Context = unknown>(
  handler: StaffHandler<Context>,
  options: WithStaffOptions = {},
): (request: Request, context: Context) => Promise<Response> {
  return async (request, context) => {
    if (options.sameOriginOnly !== undefined && !isSameOrigin(request.headers)) {
      return jsonError(403, "cross_origin", options.sameOriginOnly);
    }
    const gate = await requireStaffApi();
    if (!gate.ok) return gate.response;
    if (options.needs !== undefined && !can(gate.staff.role, options.needs)) {
      return jsonError(403, "forbidden", `Your role (${gate.staff.role}) may not do this.`);
    }
    try {
      if (!options.duringTwoFactorEnrolment && (await twoFactorEnrolmentDue(gate.staff))) {
        return jsonError(403, "two_factor_required", "Set up two-factor sign-in in Settings first.");
      }
      return await handler(request, gate.staff, context);
    } catch (error) {
      unstable_rethrow(error); // Next's own control flow (redirects, dynamic rendering) is not a failure
      if (error instanceof RecorderUnavailableError) return jsonError(503, "recorder_unavailable", error.message);
      console.error(`[api] ${request.method} ${new URL(request.url).pathname} failed:`, error);
      return jsonError(500, "internal_error", "The dashboard server could not answer this request.");
    }
  };
}
