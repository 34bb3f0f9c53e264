"use client";
// Hooks to read the ops store from components. Always pass a narrow selector (see selectors.ts) —
// selecting the whole state or building new objects in a selector re-renders on every event batch.
import { useContext } from "react";
import { useStore } from "zustand";
import type { OpsStore, OpsStoreApi } from "./ops-store";
import { OpsStoreContext } from "./ops-store-context";

export function useOpsStoreApi(): OpsStoreApi {
  const store = useContext(OpsStoreContext);
  if (!store) throw new Error("useOpsStore must be used inside <OpsStoreProvider>");
  return store;
}

export function useOpsStore<T>(selector: (state: OpsStore) => T): T {
  return useStore(useOpsStoreApi(), selector);
}
