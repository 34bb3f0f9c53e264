import type { ReactNode } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { DashboardShell } from "@/components/dashboard/dashboard-shell";
import { getStaffSession, signInPathFor } from "@/lib/auth/guards";
import { signOutAndLeave } from "@/lib/auth/actions";
import { PAGE_PATH_HEADER } from "@/lib/auth/page-path";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // Not requireStaffSession(): the layout cannot name its page, so it reads the address proxy.ts passed
  // on, and a signed-out person comes back to the exact view (filters, open trade) after signing in.
  // Enrolment in two-factor sign-in is each page's own check (requireStaffSession with its path).
  const staff = await getStaffSession();
  if (!staff) redirect(signInPathFor((await headers()).get(PAGE_PATH_HEADER) ?? undefined));
  return (
    <DashboardShell email={staff.email} role={staff.role} signOut={signOutAndLeave}>
      {children}
    </DashboardShell>
  );
}
