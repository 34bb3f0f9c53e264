"use client";
// Keeps the tab's title ("(N) …") and favicon badge in step with the alerts that need attention.
// Next.js rewrites the title on navigation, so the head is watched and the prefix put back.
import { useEffect } from "react";
import { renderBadgedIcon } from "./favicon-badge";
import { badgeLabel, titleWithCount } from "./tab-title";

const BADGE_ATTR = "data-alert-badge";

function applyTitle(count: number): void {
  const wanted = titleWithCount(document.title, count);
  if (document.title !== wanted) document.title = wanted;
}

export function useTabSignal(count: number): void {
  useEffect(() => {
    applyTitle(count);
    const observer = new MutationObserver(() => applyTitle(count));
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => {
      observer.disconnect();
      applyTitle(0);
    };
  }, [count]);

  useEffect(() => {
    const label = badgeLabel(count);
    let cancelled = false;
    const ours = () => document.head.querySelector<HTMLLinkElement>(`link[${BADGE_ATTR}]`);
    if (label === null) {
      ours()?.remove();
      return;
    }
    const own = document.head.querySelector<HTMLLinkElement>(`link[rel~="icon"]:not([${BADGE_ATTR}])`);
    void renderBadgedIcon(own?.href ?? null, label).then((href) => {
      if (cancelled || href === null) return;
      const link = ours() ?? document.createElement("link");
      link.rel = "icon";
      link.setAttribute(BADGE_ATTR, "");
      link.href = href;
      // Last in the head wins over the page's own icon; removing it restores that one.
      document.head.appendChild(link);
    });
    return () => {
      cancelled = true;
    };
  }, [count]);

  useEffect(() => () => document.head.querySelector(`link[${BADGE_ATTR}]`)?.remove(), []);
}
