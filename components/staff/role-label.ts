// A role as the page names it ("ops@x · Viewer" in the header).
import type { StaffRole } from "@/lib/auth/roles";

export const ROLE_LABEL: Record<StaffRole, string> = { viewer: "Viewer", operator: "Operator", admin: "Admin" };
