// The board's keyboard shortcuts as data plus one pure function that turns a key press into an
// action, so the `?` list and the behaviour can never disagree and both are unit-tested. It knows
// nothing about the DOM beyond the shape of an event's target; use-board-keys.ts does the acting.

export type ShortcutAction =
  | "focus-search"
  | "next-row"
  | "previous-row"
  | "stalled-view"
  | "toggle-pause"
  | "show-shortcuts";

export interface Shortcut {
  /** How the keys read in the list, one entry per alternative ("j" or "↓"). */
  keys: readonly string[];
  description: string;
}

/** Everything the `?` list shows, in its order. Enter and Esc are the table's and dialogs' own keys. */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ["/"], description: "Search trades" },
  { keys: ["j", "↓"], description: "Next trade" },
  { keys: ["k", "↑"], description: "Previous trade" },
  { keys: ["Enter"], description: "Open the focused trade" },
  { keys: ["Esc"], description: "Close the trade detail or this list" },
  { keys: ["g s"], description: "Stalled view" },
  { keys: ["p"], description: "Pause or resume live updates" },
  { keys: ["?"], description: "This list of shortcuts" },
];

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export interface KeyTarget {
  tagName: string;
  isContentEditable?: boolean;
  type?: string;
}

/** Input types a person types text into; a checkbox or button with focus still lets shortcuts through. */
const TEXT_INPUT_TYPES = new Set(["text", "search", "email", "password", "number", "tel", "url", "date", "datetime-local", "month", "time", "week"]);

/** True while focus is somewhere a key press is typing, not a command. */
export function isTypingTarget(target: KeyTarget | null): boolean {
  if (!target) return false;
  if (target.isContentEditable === true) return true;
  const tag = target.tagName.toUpperCase();
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag === "INPUT") return TEXT_INPUT_TYPES.has((target.type ?? "text").toLowerCase());
  return false;
}

/** The first key of a two-key sequence ("g s") waits this long for the second. */
export const SEQUENCE_TIMEOUT_MS = 1500;

export interface KeyState {
  /** The first key of a sequence and when it was pressed, or null. */
  pending: { key: string; atMs: number } | null;
}

export const INITIAL_KEY_STATE: KeyState = { pending: null };

const SINGLE_KEYS: Readonly<Record<string, ShortcutAction>> = {
  "/": "focus-search",
  j: "next-row",
  k: "previous-row",
  p: "toggle-pause",
  "?": "show-shortcuts",
};

const SEQUENCES: Readonly<Record<string, Readonly<Record<string, ShortcutAction>>>> = {
  g: { s: "stalled-view" },
};

/**
 * What a key press means: an action (the caller then prevents the browser's default), or none.
 * Modified presses (Ctrl, Cmd, Alt) belong to the browser and never match; Shift is part of `?`.
 */
export function resolveKey(state: KeyState, press: KeyPress, nowMs: number): { action: ShortcutAction | null; state: KeyState } {
  if (press.ctrlKey || press.metaKey || press.altKey) return { action: null, state: INITIAL_KEY_STATE };
  const pending = state.pending !== null && nowMs - state.pending.atMs <= SEQUENCE_TIMEOUT_MS ? state.pending : null;
  if (pending !== null) {
    const action = SEQUENCES[pending.key]?.[press.key];
    // A sequence that does not complete is dropped whole: "g j" is not "j".
    return { action: action ?? null, state: INITIAL_KEY_STATE };
  }
  if (SEQUENCES[press.key] !== undefined) return { action: null, state: { pending: { key: press.key, atMs: nowMs } } };
  return { action: SINGLE_KEYS[press.key] ?? null, state: INITIAL_KEY_STATE };
}
