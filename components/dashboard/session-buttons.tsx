"use client";
// Sign out, and Sign out everywhere (every browser and every copy of this staff member's cookie, under
// Sessions), in the header of every dashboard page. Submitting either tells this browser's other tabs at once
// (lib/live/session-end-signal.ts), so they stop streaming now rather than at their next request. While
// mounted it also watches the session (lib/live/session-watch.ts): one ended by an admin or by
// idleness stops this tab's streams within seconds.
import { useEffect } from "react";
import { sessionEndSignal } from "@/lib/live/session-end-signal";
import { watchSession } from "@/lib/live/session-watch";

interface SessionButtonsProps {
  signOut: () => Promise<void>;
  signOutEverywhere: () => Promise<void>;
}

const BUTTON =
  "rounded-md border border-slate-700 px-2.5 py-1 text-slate-200 transition hover:border-slate-500 hover:bg-slate-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400";

export function SessionButtons({ signOut, signOutEverywhere }: SessionButtonsProps) {
  useEffect(() => watchSession(), []);
  const announce = () => sessionEndSignal().announce();
  return (
    <>
      {/* Behind a disclosure, so the header has one control named "Sign out" and the rarer, wider one is a click away. */}
      <details className="relative">
        <summary className={`${BUTTON} cursor-pointer list-none`}>Sessions</summary>
        <form action={signOutEverywhere} onSubmit={announce} className="absolute right-0 top-full z-40 mt-1 rounded-md border border-slate-700 bg-slate-900 p-2 shadow-lg">
          <button type="submit" className={`${BUTTON} whitespace-nowrap`} title="Ends your sessions in every browser">
            Sign out everywhere
          </button>
        </form>
      </details>
      <form action={signOut} onSubmit={announce}>
        <button type="submit" className={BUTTON}>
          Sign out
        </button>
      </form>
    </>
  );
}
