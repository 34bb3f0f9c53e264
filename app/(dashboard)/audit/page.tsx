import type { Metadata } from "next";
import Link from "next/link";
import { AdminsOnly } from "@/components/audit/admins-only";
import { AuditLog } from "@/components/audit/audit-log";
import { requireStaffSession } from "@/lib/auth";
import { can } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Audit log · AssetPay Ops" };

export default async function AuditPage() {
  // The layout checks too, but layouts are not re-run on client navigation: each page checks itself.
  const staff = await requireStaffSession("/audit");
  return (
    <main className="mx-auto flex w-full max-w-7xl flex-col gap-4 px-3 py-6 sm:px-6">
      <div className="flex items-baseline justify-between gap-3">
        <h1 className="text-lg font-semibold text-white">Audit log</h1>
        <Link href="/board" className="text-sm text-slate-400 hover:text-white">
          Back to the board
        </Link>
      </div>
      {can(staff.role, "read-audit") ? <AuditLog /> : <AdminsOnly />}
    </main>
  );
}
