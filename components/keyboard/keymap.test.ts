import { describe, expect, it } from "vitest";
import { INITIAL_KEY_STATE, SEQUENCE_TIMEOUT_MS, SHORTCUTS, isTypingTarget, resolveKey, type KeyPress, type KeyState } from "./keymap";

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, altKey: false, ...mods });

/** Presses keys in order (each 100 ms apart by default) and returns the actions that fired. */
function typeKeys(keys: readonly string[], gapMs = 100): (string | null)[] {
  let state: KeyState = INITIAL_KEY_STATE;
  return keys.map((key, index) => {
    const result = resolveKey(state, press(key), index * gapMs);
    state = result.state;
    return result.action;
  });
}

describe("resolveKey", () => {
  it("maps the single keys to their actions", () => {
    expect(typeKeys(["/"])).toEqual(["focus-search"]);
    expect(typeKeys(["j", "k"])).toEqual(["next-row", "previous-row"]);
    expect(typeKeys(["p"])).toEqual(["toggle-pause"]);
    expect(typeKeys(["?"])).toEqual(["show-shortcuts"]);
  });

  it("opens the stalled view on g then s, and nothing on g alone", () => {
    expect(typeKeys(["g", "s"])).toEqual([null, "stalled-view"]);
  });

  it("drops a sequence that does not complete, including its second key", () => {
    expect(typeKeys(["g", "j", "j"])).toEqual([null, null, "next-row"]);
  });

  it("forgets the first key of a sequence after the timeout", () => {
    expect(typeKeys(["g", "s"], SEQUENCE_TIMEOUT_MS + 1)).toEqual([null, null]);
  });

  it("leaves presses with Ctrl, Cmd or Alt to the browser", () => {
    expect(resolveKey(INITIAL_KEY_STATE, press("/", { ctrlKey: true }), 0).action).toBeNull();
    expect(resolveKey(INITIAL_KEY_STATE, press("p", { metaKey: true }), 0).action).toBeNull();
    expect(resolveKey(INITIAL_KEY_STATE, press("j", { altKey: true }), 0).action).toBeNull();
  });

  it("ignores keys it does not know", () => {
    expect(typeKeys(["x", "s", "Enter"])).toEqual([null, null, null]);
  });
});

describe("isTypingTarget", () => {
  it("is true in text fields, text areas, selects and editable content", () => {
    expect(isTypingTarget({ tagName: "INPUT", type: "search" })).toBe(true);
    expect(isTypingTarget({ tagName: "input" })).toBe(true);
    expect(isTypingTarget({ tagName: "TEXTAREA" })).toBe(true);
    expect(isTypingTarget({ tagName: "SELECT" })).toBe(true);
    expect(isTypingTarget({ tagName: "DIV", isContentEditable: true })).toBe(true);
  });

  it("is false on buttons, rows, checkboxes and nothing", () => {
    expect(isTypingTarget({ tagName: "BUTTON" })).toBe(false);
    expect(isTypingTarget({ tagName: "DIV" })).toBe(false);
    expect(isTypingTarget({ tagName: "INPUT", type: "checkbox" })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe("SHORTCUTS", () => {
  it("lists every key the resolver acts on", () => {
    const listed = new Set(SHORTCUTS.flatMap((s) => s.keys));
    for (const key of ["/", "j", "k", "p", "?", "g s"]) expect(listed.has(key)).toBe(true);
  });
});
