"use client";
// Palette colours (the CSS variables of app/globals.css) resolved to values a canvas can paint with.
// A canvas cannot read var() or light-dark(), so each is resolved through a probe element and read
// again whenever the theme changes (the Theme control's data-theme, or the system's scheme), which
// keeps the charts' lines and axis text at the contrast the palette was chosen for in both themes.
import { useSyncExternalStore } from "react";

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme", "class", "style"] });
  const scheme = window.matchMedia("(prefers-color-scheme: dark)");
  scheme.addEventListener("change", onChange);
  return () => {
    observer.disconnect();
    scheme.removeEventListener("change", onChange);
  };
}

const cache = new Map<string, string>();

function resolve(names: readonly string[]): string {
  const probe = document.createElement("span");
  probe.style.display = "none";
  document.body.appendChild(probe);
  const values = names.map((name) => {
    probe.style.color = `var(--color-${name})`;
    return getComputedStyle(probe).color;
  });
  probe.remove();
  return values.join("|");
}

/** The resolved colours of `names` (palette names like "sky-400"), in order; null on the server. */
export function usePaletteColors(names: readonly string[]): string[] | null {
  const key = names.join(",");
  const snapshot = useSyncExternalStore(
    (onChange) =>
      subscribe(() => {
        cache.delete(key);
        onChange();
      }),
    () => {
      let value = cache.get(key);
      if (value === undefined) {
        value = resolve(names);
        cache.set(key, value);
      }
      return value;
    },
    () => null,
  );
  return snapshot === null ? null : snapshot.split("|");
}
