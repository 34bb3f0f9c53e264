"use client";
// Mounts the signed-in staff member's identity for the page (see ./staff-context) and keeps the staff
// directory once read, so every Assignee picker on the page shares one request.
import { type ReactNode, useCallback, useMemo, useRef, useState } from "react";
import { can, type StaffRole } from "@/lib/auth/roles";
import { fetchStaffDirectory } from "@/lib/live/alerts-api";
import { StaffContext, type StaffContextValue, type StaffDirectoryState } from "./staff-context";

interface StaffProviderProps {
  email: string;
  role: StaffRole;
  children: ReactNode;
}

export function StaffProvider({ email, role, children }: StaffProviderProps) {
  const [directory, setDirectory] = useState<StaffDirectoryState>({ status: "idle" });
  const loading = useRef(false);
  const loaded = useRef(false);
  const loadDirectory = useCallback(() => {
    // Only people who may assign are offered a picker; nobody else needs the list.
    if (loading.current || loaded.current || !can(role, "act")) return;
    loading.current = true;
    setDirectory({ status: "loading" });
    void fetchStaffDirectory().then((answer) => {
      loading.current = false;
      loaded.current = answer.ok;
      setDirectory(answer.ok ? { status: "ready", staff: answer.value } : { status: "failed", message: answer.message });
    });
  }, [role]);
  const value = useMemo<StaffContextValue>(() => ({ email, role, directory, loadDirectory }), [email, role, directory, loadDirectory]);
  return <StaffContext.Provider value={value}>{children}</StaffContext.Provider>;
}
