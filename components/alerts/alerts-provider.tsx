"use client";
// Mounts the alerts for a signed-in page: one alerts store and one stream per mount, the tab title and
// favicon badge, desktop notifications and the sound, and the person's remembered choices. Wraps the
// page so the header button, the board's filters and the trade detail all read the same store.
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useStore } from "zustand";
import { attentionCount } from "@/lib/store/alerts-selectors";
import { createAlertsStore } from "@/lib/store/alerts-store";
import { type AlertPreferences, DEFAULT_ALERT_PREFERENCES, readAlertPreferences, writeAlertPreferences } from "./alert-preferences";
import { unlockAlertSound } from "./alert-sound";
import { AlertsContext, type AlertsContextValue } from "./alerts-context";
import { useAlertSound } from "./use-alert-sound";
import { useAlertsStream } from "./use-alerts-stream";
import { useDesktopNotifications } from "./use-desktop-notifications";
import { useTabSignal } from "./use-tab-signal";

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function AlertsProvider({ email, children }: { email: string; children: ReactNode }) {
  const [store] = useState(() => createAlertsStore());
  // Read after mount: the server render has no localStorage, and both renders must match.
  const [preferences, setPreferences] = useState<AlertPreferences>(DEFAULT_ALERT_PREFERENCES);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage exists only after mount
    setPreferences(readAlertPreferences(storage(), email));
  }, [email]);

  const setPreference = useCallback(
    (key: keyof AlertPreferences, on: boolean) => {
      if (key === "sound" && on) unlockAlertSound();
      if (key === "notifications" && on && typeof Notification !== "undefined" && Notification.permission === "default") {
        void Notification.requestPermission();
      }
      setPreferences((current) => {
        const next = { ...current, [key]: on };
        writeAlertPreferences(storage(), email, next);
        return next;
      });
    },
    [email],
  );

  const router = useRouter();
  const openers = useRef(new Set<(tradeId: string) => void>());
  const openTrade = useCallback(
    (tradeId: string) => {
      const open = [...openers.current].at(-1);
      if (open) open(tradeId);
      else router.push(`/board?trade=${encodeURIComponent(tradeId)}`);
    },
    [router],
  );
  const onOpenTrade = useCallback((open: (tradeId: string) => void) => {
    openers.current.add(open);
    return () => {
      openers.current.delete(open);
    };
  }, []);

  useAlertsStream(store);
  const attention = useStore(store, attentionCount);
  useTabSignal(attention);
  useDesktopNotifications(store, preferences.notifications, openTrade);
  useAlertSound(preferences.sound, attention);

  const value = useMemo<AlertsContextValue>(
    () => ({ store, email, preferences, setPreference, openTrade, onOpenTrade }),
    [store, email, preferences, setPreference, openTrade, onOpenTrade],
  );
  return <AlertsContext.Provider value={value}>{children}</AlertsContext.Provider>;
}
