// Staff authentication for the whole app: `auth()` reads the session, `signIn`/`signOut` for server
// actions, `handlers` for /api/auth/*, and the guards every page and route handler calls.
import "server-only";

export { auth, handlers, signIn, signOut } from "./next-auth";
export { getStaffSession, requireStaffApi, requireStaffSession, type StaffApiGate, type StaffSession } from "./guards";
