// An outside string (id, Steam ID, address) shown so it cannot pose as another: bidi controls and
// invisible characters appear as `⟨U+202E⟩`, the text is isolated from its surroundings' direction,
// and a token mixing Latin with Cyrillic or Greek look-alikes gets a marker named "mixed scripts".
// The rules are lib/text/shown-text.ts; `shorten` (e.g. a middle ellipsis) runs on the revealed text.
import { inspectShownText } from "@/lib/text/shown-text";
import { WarningIcon } from "./warning-icon";

export function ShownText({ value, shorten }: { value: string; shorten?: (text: string) => string }) {
  const shown = inspectShownText(value);
  const text = shorten ? shorten(shown.text) : shown.text;
  if (!shown.revealed && !shown.mixedScripts) return <bdi>{text}</bdi>;
  return (
    <span data-revealed={shown.revealed ? "true" : undefined} data-mixed-scripts={shown.mixedScripts ? "true" : undefined}>
      <bdi className={shown.revealed ? "text-amber-200" : undefined}>{text}</bdi>
      {shown.mixedScripts ? (
        <span
          role="img"
          aria-label="mixed scripts"
          title="Mixed scripts: letters from different alphabets that look alike (possible spoofing)"
          className="ml-1 inline-flex items-center gap-0.5 rounded bg-amber-500/20 px-1 font-sans text-xs font-semibold text-amber-300"
        >
          <WarningIcon className="h-3 w-3" />
          mixed
        </span>
      ) : null}
    </span>
  );
}
