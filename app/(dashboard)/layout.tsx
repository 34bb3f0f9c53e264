import type { ReactNode } from "react";
import { DashboardShell } from "@/components/dashboard/dashboard-shell";
import { requireStaffSession } from "@/lib/auth";
import { signOutAndLeave } from "@/lib/auth/actions";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const staff = await requireStaffSession();
  return (
    <DashboardShell email={staff.email} role={staff.role} signOut={signOutAndLeave}>
      {children}
    </DashboardShell>
  );
}
