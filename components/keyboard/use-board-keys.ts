"use client";
// Listens for the board's shortcuts (keymap.ts) on the window and acts on the page by role and
// name, the way a person would: focus "Search trades", press "Pause live updates", step to a row.
// Nothing fires while typing in a field or while a dialog (the trade drawer, this list) is open.
import { useEffect, useRef } from "react";
import { INITIAL_KEY_STATE, isTypingTarget, resolveKey, type KeyState, type ShortcutAction } from "./keymap";

interface BoardKeyHandlers {
  showShortcuts: () => void;
  stalledView: () => void;
}

const PAUSE_BUTTON_NAME = "Pause live updates";

function pauseButton(): HTMLButtonElement | null {
  for (const button of document.querySelectorAll<HTMLButtonElement>("button[aria-pressed]")) {
    const name = button.getAttribute("aria-label") ?? button.textContent ?? "";
    if (name.trim() === PAUSE_BUTTON_NAME) return button;
  }
  return null;
}

function tradesTable(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[role="table"][aria-label="Trades"], [role="grid"][aria-label="Trades"]');
}

/** j/k outside the table focus its tab-stop row; inside it they step like the arrow keys. */
function stepRow(direction: "next" | "previous") {
  const table = tradesTable();
  if (!table) return;
  const active = document.activeElement;
  if (active instanceof HTMLElement && active.getAttribute("role") === "row" && table.contains(active)) {
    active.dispatchEvent(new KeyboardEvent("keydown", { key: direction === "next" ? "ArrowDown" : "ArrowUp", bubbles: true, cancelable: true }));
    return;
  }
  table.querySelector<HTMLElement>('[role="row"][data-trade-id][tabindex="0"]')?.focus();
}

function openDialog(): boolean {
  return document.querySelector("dialog[open]") !== null;
}

export function useBoardKeys({ showShortcuts, stalledView }: BoardKeyHandlers) {
  const handlers = useRef({ showShortcuts, stalledView });
  useEffect(() => {
    handlers.current = { showShortcuts, stalledView };
  });

  useEffect(() => {
    let state: KeyState = INITIAL_KEY_STATE;
    const act = (action: ShortcutAction) => {
      if (action === "focus-search") document.getElementById("trade-search")?.focus();
      else if (action === "next-row") stepRow("next");
      else if (action === "previous-row") stepRow("previous");
      else if (action === "toggle-pause") pauseButton()?.click();
      else if (action === "stalled-view") handlers.current.stalledView();
      else handlers.current.showShortcuts();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || openDialog()) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (isTypingTarget(target && { tagName: target.tagName, isContentEditable: target.isContentEditable, type: target.getAttribute("type") ?? undefined })) return;
      const result = resolveKey(state, event, performance.now());
      state = result.state;
      if (result.action === null) return;
      // Keeps "/" out of the search box it just focused, and the page from scrolling.
      event.preventDefault();
      act(result.action);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
