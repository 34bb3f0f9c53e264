// Strings from outside (trade ids, Steam IDs, external ids, addresses) as staff should see them, so
// they cannot be made to look like something else:
// - bidi controls (LRE…RLO, LRI…PDI, LRM/RLM, ALM) and invisible characters are replaced by a visible
//   `⟨U+202E⟩`, so `order‮exe.pdf` cannot show as `orderfdp.exe`;
// - a token mixing Latin letters with Cyrillic or Greek ones (`pаypal` with a Cyrillic `а`) is
//   flagged: whole-token look-alikes are how one id poses as another.
// Pure, no DOM: components/ui/shown-text.tsx renders the result.

const HIDDEN = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B\u2060\uFEFF]/gu;
const LATIN = /\p{Script=Latin}/u;
const LOOK_ALIKE_SCRIPT = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;
const TOKEN_SEPARATOR = /[^\p{L}\p{M}\p{N}]+/u;

export interface ShownText {
  /** The string with every bidi control or invisible character written as `⟨U+XXXX⟩`. */
  text: string;
  /** It held bidi controls or invisible characters. */
  revealed: boolean;
  /** Some token mixes Latin with Cyrillic or Greek letters. */
  mixedScripts: boolean;
}

function codePointLabel(character: string): string {
  return `⟨U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}⟩`;
}

export function revealHidden(value: string): string {
  return value.replace(HIDDEN, codePointLabel);
}

export function hasMixedScripts(value: string): boolean {
  return value.split(TOKEN_SEPARATOR).some((token) => LATIN.test(token) && LOOK_ALIKE_SCRIPT.test(token));
}

export function inspectShownText(value: string): ShownText {
  const text = revealHidden(value);
  // Checked on the original with the hidden characters removed: a control inside a word must not split it.
  return { text, revealed: text !== value, mixedScripts: hasMixedScripts(value.replace(HIDDEN, "")) };
}
