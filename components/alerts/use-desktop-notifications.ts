"use client";
// One desktop notification per new alert while the person has them on and the browser allows them.
// Every store change is run through the notify-once memory even while they are off, so turning them
// on later never replays alerts that were already on the list.
import { useEffect, useRef } from "react";
import type { AlertsStoreApi } from "@/lib/store/alerts-store";
import { createNotifyOnce, notificationFor } from "./notify-once";

export function notificationsAllowed(): boolean {
  return typeof Notification !== "undefined" && Notification.permission === "granted";
}

export function useDesktopNotifications(store: AlertsStoreApi, enabled: boolean, openTrade: (tradeId: string) => void): void {
  const enabledRef = useRef(enabled);
  const openRef = useRef(openTrade);
  useEffect(() => {
    enabledRef.current = enabled;
    openRef.current = openTrade;
  }, [enabled, openTrade]);

  useEffect(() => {
    const notifyOnce = createNotifyOnce();
    const check = (state: ReturnType<AlertsStoreApi["getState"]>) => {
      if (!state.loaded) return; // the first snapshot primes the memory
      const fresh = notifyOnce.pick(state.alerts.values(), state.now);
      if (!enabledRef.current || !notificationsAllowed()) return;
      for (const alert of fresh) {
        const { title, options } = notificationFor(alert);
        const notification = new Notification(title, options);
        const tradeId = alert.tradeId;
        notification.onclick = () => {
          window.focus();
          if (tradeId !== null) openRef.current(tradeId);
        };
      }
    };
    check(store.getState());
    return store.subscribe((state, previous) => {
      if (state.alerts !== previous.alerts || state.loaded !== previous.loaded) check(state);
    });
  }, [store]);
}
