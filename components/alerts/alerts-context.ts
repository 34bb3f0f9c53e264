"use client";
// React context carrying this page's alerts store, the signed-in staff email, their alert choices and
// the way to open a trade's detail from an alert. Holds no store itself: AlertsProvider makes one per mount.
import { createContext, useContext } from "react";
import { useStore } from "zustand";
import type { AlertsStore, AlertsStoreApi } from "@/lib/store/alerts-store";
import type { AlertPreferences } from "./alert-preferences";

export interface AlertsContextValue {
  store: AlertsStoreApi;
  email: string;
  preferences: AlertPreferences;
  /** Called from a click (a user gesture), so it may ask for permission or start audio. */
  setPreference: (key: keyof AlertPreferences, on: boolean) => void;
  /** Opens a trade's detail on the board (the board registers itself; elsewhere: navigate to it). */
  openTrade: (tradeId: string) => void;
  /** The board's way in for openTrade; returns the unregister function. */
  onOpenTrade: (open: (tradeId: string) => void) => () => void;
}

export const AlertsContext = createContext<AlertsContextValue | null>(null);

/** The alerts context, or null outside an AlertsProvider (the board then simply has no alert filters). */
export function useAlertsContext(): AlertsContextValue | null {
  return useContext(AlertsContext);
}

export function useRequiredAlerts(): AlertsContextValue {
  const value = useContext(AlertsContext);
  if (!value) throw new Error("alerts components must be used inside <AlertsProvider>");
  return value;
}

export function useAlertsStore<T>(selector: (state: AlertsStore) => T): T {
  return useStore(useRequiredAlerts().store, selector);
}
