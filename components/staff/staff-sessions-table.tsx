"use client";
// The admin's table of open staff sessions, one row per session, with one End sessions button per staff
// member (on their first row): it ends all of that member's sessions, then the table reloads.
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { StaffSessionView } from "@/lib/db/staff-sessions";

interface StaffSessionsTableProps {
  sessions: readonly StaffSessionView[];
}

/** UTC, to the minute: the same text on the server and in every browser. */
const shown = (iso: string) => <time dateTime={iso}>{`${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`}</time>;

export function StaffSessionsTable({ sessions }: StaffSessionsTableProps) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function endSessions(email: string) {
    setBusy(email);
    try {
      const response = await fetch("/api/staff/sessions/end", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email }),
      });
      const body = (await response.json().catch(() => null)) as { ended?: number; error?: { message?: string } } | null;
      setMessage(response.ok ? `Ended ${body?.ended ?? 0} session(s) of ${email}.` : (body?.error?.message ?? `Could not end the sessions (HTTP ${response.status}).`));
      router.refresh();
    } finally {
      setBusy(null);
    }
  }

  const firstRowOf = new Set<number>();
  const seen = new Set<string>();
  sessions.forEach((session, index) => {
    if (!seen.has(session.email)) firstRowOf.add(index);
    seen.add(session.email);
  });

  return (
    <div>
      <p role="status" className="mb-3 min-h-5 text-slate-400">
        {message}
      </p>
      <table aria-label="Staff sessions" className="w-full text-left">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-2 pr-3">Email</th>
            <th className="py-2 pr-3">Role</th>
            <th className="py-2 pr-3">Signed in</th>
            <th className="py-2 pr-3">Last seen</th>
            <th className="py-2 pr-3">Address</th>
            <th className="py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.length === 0 ? (
            <tr>
              <td colSpan={6} className="py-3 text-slate-500">
                No open sessions.
              </td>
            </tr>
          ) : (
            sessions.map((session, index) => (
              <tr key={`${session.email}-${session.createdAt}-${index}`} data-email={session.email} className="border-t border-slate-800">
                <td className="py-2 pr-3 text-slate-200">{session.email}</td>
                <td className="py-2 pr-3">{session.role ?? "—"}</td>
                <td className="py-2 pr-3">{shown(session.createdAt)}</td>
                <td className="py-2 pr-3">{shown(session.lastSeenAt)}</td>
                <td className="py-2 pr-3" title={session.userAgent ?? undefined}>
                  {session.address ?? "—"}
                </td>
                <td className="py-2">
                  {firstRowOf.has(index) ? (
                    <button
                      type="button"
                      disabled={busy !== null}
                      onClick={() => void endSessions(session.email)}
                      className="rounded-md border border-rose-800 px-2.5 py-1 text-rose-200 transition hover:bg-rose-950 disabled:opacity-50"
                    >
                      End sessions
                    </button>
                  ) : null}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
