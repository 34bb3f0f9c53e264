// GET: the staff a trade or an alert can be assigned to (lib/auth/staff-directory.ts), for the
// Assignee pickers. Any signed-in staff member may read it; only those who may act see a picker.
import { staffDirectory } from "@/lib/auth/staff-directory";
import { noStoreJson } from "@/lib/http/json";
import { withStaff } from "@/lib/http/with-staff";

export const dynamic = "force-dynamic";

export const GET = withStaff(async () => noStoreJson({ staff: await staffDirectory() }));
