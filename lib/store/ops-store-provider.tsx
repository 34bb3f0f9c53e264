"use client";
// Mounts one ops store for the dashboard subtree (zustand's Next.js guide pattern: create lazily once
// per mount). Never hoist the store to module scope — each signed-in session must start empty.
import { type ReactNode, useState } from "react";
import { type OpsStoreOptions, createOpsStore } from "./ops-store";
import { OpsStoreContext } from "./ops-store-context";

export interface OpsStoreProviderProps {
  children: ReactNode;
  /** Read once, on mount; later changes are ignored (use store actions instead). */
  options?: OpsStoreOptions;
}

export function OpsStoreProvider({ children, options }: OpsStoreProviderProps) {
  const [store] = useState(() => createOpsStore(options));
  return <OpsStoreContext value={store}>{children}</OpsStoreContext>;
}
