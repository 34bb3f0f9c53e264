// The frame around every dashboard page: product name, the Alerts button, who is signed in and their
// role ("ops@x · Viewer"), and the account navigation (Sign out, and the links each role may use).
// The staff and alerts providers wrap the page too, so every control asks the same role (useCan) and
// the board and the trade detail share one alerts store.
import type { ReactNode } from "react";
import { AlertsButton } from "@/components/alerts/alerts-button";
import { AlertsProvider } from "@/components/alerts/alerts-provider";
import { ROLE_LABEL } from "@/components/staff/role-label";
import { StaffProvider } from "@/components/staff/staff-provider";
import { TimeZoneControl } from "@/components/time-zone/time-zone-control";
import { ThemeControl } from "@/components/theme/theme-control";
import { can, type StaffRole } from "@/lib/auth/roles";
import { signOutEverywhereAndLeave } from "@/lib/auth/actions";
import { HeaderLink } from "./header-link";
import { SessionButtons } from "./session-buttons";

interface DashboardShellProps {
  email: string;
  role: StaffRole;
  signOut: () => Promise<void>;
  children: ReactNode;
}

export function DashboardShell({ email, role, signOut, children }: DashboardShellProps) {
  return (
    <StaffProvider email={email} role={role}>
      <AlertsProvider email={email}>
        <div className="flex min-h-screen flex-col">
          <header className="relative z-30 flex flex-wrap items-center justify-between gap-x-3 gap-y-2 border-b border-slate-800 bg-slate-900/60 px-3 py-3 sm:px-6">
            <div className="flex items-center gap-2.5">
              <span
                aria-hidden="true"
                className="flex h-7 w-7 items-center justify-center rounded-lg bg-gradient-to-br from-emerald-400 to-sky-500 text-sm font-bold text-slate-950"
              >
                A
              </span>
              <span className="text-sm font-semibold tracking-tight text-white">AssetPay Ops</span>
            </div>
            <div className="flex min-w-0 flex-wrap items-center justify-end gap-x-3 gap-y-2 text-sm">
              <TimeZoneControl />
              <AlertsButton />
              <ThemeControl />
              {/* On a phone only the role shows; the email joins it from the small breakpoint up. */}
              <span className="min-w-0 truncate text-slate-400" title={`Signed in as ${email} (${ROLE_LABEL[role]})`}>
                <span className="hidden sm:inline">{email} · </span>
                <span data-testid="staff-role" className="rounded bg-slate-800 px-1.5 py-0.5 text-xs font-medium text-slate-200">
                  {ROLE_LABEL[role]}
                </span>
              </span>
              <nav aria-label="Account">
                {/* One <li> per entry; links go before the session buttons,
                    and role-bound ones behind can(role, …) from lib/auth/roles. */}
                <ul className="flex flex-wrap items-center gap-2">
                  <li>
                    <HeaderLink href="/funding">Funding</HeaderLink>
                  </li>
                  <li>
                    <HeaderLink href="/settings">Settings</HeaderLink>
                  </li>
                  {can(role, "read-audit") ? (
                    <li>
                      <HeaderLink href="/audit">Audit log</HeaderLink>
                    </li>
                  ) : null}
                  {can(role, "end-others-sessions") ? (
                    <li>
                      <HeaderLink href="/staff">Staff sessions</HeaderLink>
                    </li>
                  ) : null}
                  <li className="flex items-center gap-2">
                    <SessionButtons signOut={signOut} signOutEverywhere={signOutEverywhereAndLeave} />
                  </li>
                </ul>
              </nav>
            </div>
          </header>
          {children}
        </div>
      </AlertsProvider>
    </StaffProvider>
  );
}
