import { describe, expect, it } from "vitest";
import { hasMixedScripts, inspectShownText, revealHidden } from "./shown-text";

describe("revealHidden", () => {
  it.each([
    ["order\u202Egpj.exe", "order⟨U+202E⟩gpj.exe"],
    ["\u202A\u202B\u202C\u202D", "⟨U+202A⟩⟨U+202B⟩⟨U+202C⟩⟨U+202D⟩"],
    ["a\u2066b\u2067c\u2068d\u2069", "a⟨U+2066⟩b⟨U+2067⟩c⟨U+2068⟩d⟨U+2069⟩"],
    ["\u200E\u200F\u061C", "⟨U+200E⟩⟨U+200F⟩⟨U+061C⟩"],
    ["76561198\u200B000000001", "76561198⟨U+200B⟩000000001"],
    ["\uFEFFx\u2060", "⟨U+FEFF⟩x⟨U+2060⟩"],
    ["tr_plain-123", "tr_plain-123"],
    ["שלום عربي", "שלום عربي"],
  ])("%j → %j", (value, expected) => {
    expect(revealHidden(value)).toBe(expected);
  });
});

describe("hasMixedScripts", () => {
  it.each([
    ["paypal", false],
    ["p\u0430ypal", true], // Cyrillic а
    ["\u0440aypal-42", true], // Cyrillic р
    ["ord\u03BFr", true], // Greek ο
    ["Иван", false],
    ["Иван Smith", false], // two tokens, one script each
    ["Ωmega", true],
    ["0x12ab\u0441d", true], // Cyrillic с in an address
    ["76561198000000001", false],
    ["", false],
  ])("%j → %j", (value, expected) => {
    expect(hasMixedScripts(value)).toBe(expected);
  });
});

describe("inspectShownText", () => {
  it("reveals and flags together, and sees a mix that a control character splits", () => {
    expect(inspectShownText("p\u202E\u0430ypal")).toEqual({ text: "p⟨U+202E⟩\u0430ypal", revealed: true, mixedScripts: true });
    expect(inspectShownText("tr_1")).toEqual({ text: "tr_1", revealed: false, mixedScripts: false });
  });
});
