// One link in the header's account navigation (Settings, Audit log, Staff sessions, …), drawn like the
// header's buttons so a new entry is one line in dashboard-shell.tsx.
import Link from "next/link";
import type { ReactNode } from "react";

export const HEADER_CONTROL =
  "inline-block rounded-md border border-slate-700 px-2.5 py-1 text-slate-200 transition hover:border-slate-500 hover:bg-slate-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400";

export function HeaderLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className={HEADER_CONTROL}>
      {children}
    </Link>
  );
}
