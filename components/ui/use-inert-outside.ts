"use client";
// Makes everything on the page outside one element inert (no focus, no clicks, hidden from assistive
// technology) while it is mounted, and restores what was there afterwards. For views that cover the
// whole page, such as the wallboard, so the page frame underneath cannot be reached with Tab.
import { useEffect, type RefObject } from "react";

/** The siblings of `element` and of each of its ancestors up to <body>: everything not on its path. */
export function elementsOutside(element: Element): Element[] {
  const outside: Element[] = [];
  for (let node: Element | null = element; node && node !== document.body; node = node.parentElement) {
    const parent: HTMLElement | null = node.parentElement;
    if (!parent) break;
    for (const sibling of Array.from<Element>(parent.children)) {
      if (sibling !== node && !(sibling instanceof HTMLScriptElement)) outside.push(sibling);
    }
  }
  return outside;
}

export function useInertOutside(ref: RefObject<Element | null>): void {
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const changed = elementsOutside(element).filter((other) => other instanceof HTMLElement && !other.inert) as HTMLElement[];
    for (const other of changed) other.inert = true;
    return () => {
      for (const other of changed) other.inert = false;
    };
  }, [ref]);
}
