// The connection state's shape beside its words, as inline SVG (font glyphs such as ⏻ render as a
// missing-character box on machines without a symbol font): a dot when live, a dashed ring while
// connecting, circular arrows while reconnecting or re-authenticating, a struck circle offline, a
// power symbol when signed out. Decorative; the banner's text names the state.
import type { ReactNode } from "react";
import type { ConnectionView } from "./connection-text";

const SHAPE: Record<ConnectionView["state"], ReactNode> = {
  connecting: <circle cx="8" cy="8" r="5.5" strokeDasharray="2.2 2.1" />,
  live: <circle cx="8" cy="8" r="4.5" fill="currentColor" stroke="none" />,
  reconnecting: <path d="M13 8a5 5 0 1 1-1.46-3.54M13 2.5V5h-2.5" strokeLinejoin="round" />,
  reauthenticating: (
    <>
      <path d="M13 8a5 5 0 1 1-1.46-3.54M13 2.5V5h-2.5" strokeLinejoin="round" />
      <circle cx="8" cy="8" r="1.4" fill="currentColor" stroke="none" />
    </>
  ),
  offline: (
    <>
      <circle cx="8" cy="8" r="5.5" />
      <path d="M4.1 11.9 11.9 4.1" />
    </>
  ),
  "signed-out": <path d="M8 1.75V7.5M4.6 4a5.25 5.25 0 1 0 6.8 0" />,
};

export function ConnectionMark({ state, className }: { state: ConnectionView["state"]; className: string }) {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" className={`h-3.5 w-3.5 shrink-0 ${className}`} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
      {SHAPE[state]}
    </svg>
  );
}
