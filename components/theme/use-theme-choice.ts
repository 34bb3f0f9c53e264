"use client";
// The theme choice as React state, read from <html data-theme> (which the server rendered from the
// cookie) and written back to both, so a change shows at once and survives a reload.
import { useCallback, useSyncExternalStore } from "react";
import { parseThemeChoice, themeAttribute, themeCookieAssignment, type ThemeChoice } from "./theme-choice";

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  return () => observer.disconnect();
}

const current = (): ThemeChoice => parseThemeChoice(document.documentElement.dataset.theme);
const onServer = (): ThemeChoice => "system";

export function useThemeChoice(): [ThemeChoice, (choice: ThemeChoice) => void] {
  const choice = useSyncExternalStore(subscribe, current, onServer);
  const choose = useCallback((next: ThemeChoice) => {
    document.cookie = themeCookieAssignment(next, window.location.protocol === "https:");
    const attribute = themeAttribute(next);
    if (attribute) document.documentElement.dataset.theme = attribute;
    else delete document.documentElement.dataset.theme;
  }, []);
  return [choice, choose];
}
