import type { Metadata } from "next";
import { StaffSessionsTable } from "@/components/staff/staff-sessions-table";
import { requireStaffSession } from "@/lib/auth";
import { can } from "@/lib/auth/roles";
import { listOpenSessions } from "@/lib/auth/session-liveness";

export const metadata: Metadata = { title: "Staff sessions · AssetPay Ops" };
export const dynamic = "force-dynamic";

// Admins see every open staff session and end a staff member's sessions (POST /api/staff/sessions/end);
// everyone else is told the page is for admins, and the API answers them 403.
export default async function StaffPage() {
  const staff = await requireStaffSession("/staff");
  if (!can(staff.role, "end-others-sessions")) {
    return (
      <main className="mx-auto w-full max-w-4xl p-6 text-sm text-slate-300">
        <h1 className="mb-2 text-lg font-semibold text-white">Staff sessions</h1>
        <p>This page is for admins: ask an admin to end a staff member&apos;s sessions.</p>
      </main>
    );
  }
  const sessions = await listOpenSessions();
  return (
    <main className="mx-auto w-full max-w-5xl p-6 text-sm text-slate-300">
      <h1 className="mb-4 text-lg font-semibold text-white">Staff sessions</h1>
      <StaffSessionsTable sessions={sessions} />
    </main>
  );
}
