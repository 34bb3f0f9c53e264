"use client";
// Who is signed in, as the page needs it: email and role (read by the dashboard layout from the session,
// so the page never trusts anything the browser says about it), and the staff directory the Assignee
// pickers offer. Controls ask useCan(capability) before they are drawn; the server refuses with 403
// anyway. Outside a StaffProvider nothing may be done: a control drawn by mistake is worse than one missing.
import { createContext, useContext } from "react";
import { can, type Capability, type StaffRole } from "@/lib/auth/roles";
import type { StaffDirectoryEntry } from "@/lib/live/alerts-api";

export type StaffDirectoryState =
  | { status: "idle" | "loading" }
  | { status: "ready"; staff: readonly StaffDirectoryEntry[] }
  | { status: "failed"; message: string };

export interface StaffContextValue {
  email: string;
  role: StaffRole;
  directory: StaffDirectoryState;
  /** Reads the directory once (again after a failure); a no-op while loading or loaded. */
  loadDirectory: () => void;
}

export const StaffContext = createContext<StaffContextValue | null>(null);

export function useStaff(): StaffContextValue | null {
  return useContext(StaffContext);
}

/** Whether the signed-in staff member's role allows this; false outside a StaffProvider. */
export function useCan(capability: Capability): boolean {
  const staff = useContext(StaffContext);
  return staff !== null && can(staff.role, capability);
}
