// GET (admins): every open staff session — who, role, signed in, last seen, from where — for the
// Staff sessions table on /staff.
import { listOpenSessions } from "@/lib/auth/session-liveness";
import { noStoreJson } from "@/lib/http/json";
import { withStaff } from "@/lib/http/with-staff";

export const dynamic = "force-dynamic";

export const GET = withStaff(async () => noStoreJson({ sessions: await listOpenSessions() }), {
  needs: "end-others-sessions",
});
