// A sun, a moon or a screen beside the Theme control (inline SVG: renders the same in every font).
// Decorative; the select names the choice.
import type { ThemeChoice } from "./theme-choice";

export function ThemeIcon({ choice }: { choice: ThemeChoice }) {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" className="h-4 w-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round">
      {choice === "light" ? (
        <>
          <circle cx="8" cy="8" r="3" />
          <path d="M8 1v1.5M8 13.5V15M1 8h1.5M13.5 8H15M3 3l1 1M12 12l1 1M3 13l1-1M12 4l1-1" />
        </>
      ) : choice === "dark" ? (
        <path d="M13.5 9.5A5.5 5.5 0 0 1 6.5 2.5a5.5 5.5 0 1 0 7 7Z" strokeLinejoin="round" />
      ) : (
        <>
          <rect x="1.75" y="2.5" width="12.5" height="8.5" rx="1.25" />
          <path d="M5.5 14h5M8 11v3" />
        </>
      )}
    </svg>
  );
}
