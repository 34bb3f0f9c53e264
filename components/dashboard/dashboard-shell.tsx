// The frame around every dashboard page: product name, the Alerts button, who is signed in, and Sign
// out. The alerts provider wraps the page too, so the board and the trade detail share its store.
import Link from "next/link";
import type { ReactNode } from "react";
import { AlertsButton } from "@/components/alerts/alerts-button";
import { AlertsProvider } from "@/components/alerts/alerts-provider";

interface DashboardShellProps {
  email: string;
  signOut: () => Promise<void>;
  children: ReactNode;
}

export function DashboardShell({ email, signOut, children }: DashboardShellProps) {
  return (
    <AlertsProvider email={email}>
      <div className="flex min-h-screen flex-col">
        <header className="relative z-30 flex items-center justify-between gap-3 border-b border-slate-800 bg-slate-900/60 px-3 py-3 sm:px-6">
          <div className="flex items-center gap-2.5">
            <span
              aria-hidden="true"
              className="flex h-7 w-7 items-center justify-center rounded-lg bg-gradient-to-br from-emerald-400 to-sky-500 text-sm font-bold text-slate-950"
            >
              A
            </span>
            <span className="text-sm font-semibold tracking-tight text-white">AssetPay Ops</span>
          </div>
          <div className="flex min-w-0 items-center gap-3 text-sm">
            <AlertsButton />
            <Link href="/settings" className="text-slate-300 hover:text-white">Settings</Link>
            {/* On a phone the header keeps its controls; who is signed in shows from the small breakpoint up. */}
            <span className="hidden truncate text-slate-400 sm:inline" title="Signed in as">
              {email}
            </span>
            <form action={signOut}>
              <button
                type="submit"
                className="rounded-md border border-slate-700 px-2.5 py-1 text-slate-200 transition hover:border-slate-500 hover:bg-slate-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
              >
                Sign out
              </button>
            </form>
          </div>
        </header>
        {children}
      </div>
    </AlertsProvider>
  );
}
