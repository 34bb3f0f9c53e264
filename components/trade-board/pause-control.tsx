// The "Pause live updates" toggle (aria-pressed: the person's own pause) and, beside it, why the table is
// holding still when it is — automatic pauses say so too, so a frozen table is never mistaken for a quiet feed.
interface PauseControlProps {
  explicit: boolean;
  reason: string | null;
  onToggle: () => void;
}

function PauseGlyph({ paused }: { paused: boolean }) {
  // Drawn, not a font glyph: the pause and play symbols are missing from some system fonts.
  return paused ? (
    <svg aria-hidden="true" viewBox="0 0 10 10" className="h-2.5 w-2.5 fill-current">
      <path d="M2 1 L9 5 L2 9 Z" />
    </svg>
  ) : (
    <svg aria-hidden="true" viewBox="0 0 10 10" className="h-2.5 w-2.5 fill-current">
      <rect x="1.5" y="1" width="2.5" height="8" />
      <rect x="6" y="1" width="2.5" height="8" />
    </svg>
  );
}

export function PauseControl({ explicit, reason, onToggle }: PauseControlProps) {
  return (
    <div className="flex items-center gap-2">
      {/* Its room is kept while live: the pointer entering the table must not reflow the toolbar and
          push the rows down under it. On a phone (no pointer resting on the table) it keeps no room while
          live and less room when paused (the full reason is its title), so Pause and Export CSV stay on screen. */}
      <span title={reason ?? undefined} className={`w-24 truncate text-right text-xs text-amber-200 sm:w-[10.5rem] ${reason === null ? "hidden sm:block sm:invisible" : ""}`}>
        {reason}
      </span>
      <button
        type="button"
        aria-label="Pause live updates"
        aria-pressed={explicit}
        title={explicit ? "Resume live updates (Space on the table)" : "Hold the rows still; updates keep arriving and wait (Space on the table)"}
        onClick={onToggle}
        className={`inline-flex w-[5.25rem] items-center justify-center gap-1 rounded border px-2 py-0.5 text-xs focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400 ${
          explicit ? "border-amber-400/70 bg-amber-400/15 text-amber-100" : "border-slate-700 text-slate-200 hover:bg-slate-800"
        }`}
      >
        <PauseGlyph paused={explicit} />
        {explicit ? "Paused" : "Pause"}
      </button>
    </div>
  );
}
