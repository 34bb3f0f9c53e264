// GET: whether this browser's staff session still counts ({ email, role }), else 401 like every route.
// Open pages ask every few seconds (lib/live/session-watch.ts), so a session ended elsewhere — by
// an admin, "sign out everywhere", or idleness — stops their streams without waiting for a token.
import { noStoreJson } from "@/lib/http/json";
import { withStaff } from "@/lib/http/with-staff";

export const dynamic = "force-dynamic";

export const GET = withStaff(async (_request, staff) => noStoreJson({ email: staff.email, role: staff.role }));
