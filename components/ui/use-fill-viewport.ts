"use client";
// Sizes an element to fill the window below wherever it starts, so the board scrolls inside its own
// panes and the page itself never does (the shell header's height is not ours to hard-code). Only on
// windows matching `query` (wide ones): on a narrow screen the panes stack and the page scrolls.
import { type RefObject, useLayoutEffect } from "react";

export function useFillViewport(ref: RefObject<HTMLElement | null>, query = "(min-width: 1024px)"): void {
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const wide = window.matchMedia(query);
    const fit = () => {
      if (!wide.matches) {
        element.style.height = "";
        return;
      }
      const top = element.getBoundingClientRect().top + window.scrollY;
      element.style.height = `${Math.max(0, window.innerHeight - top)}px`;
    };
    fit();
    window.addEventListener("resize", fit);
    return () => window.removeEventListener("resize", fit);
  }, [ref, query]);
}
