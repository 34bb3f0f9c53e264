// Why the trade table is holding still. The person's own Pause (button, Space) is kept apart from the
// automatic pauses, which end by themselves: the pointer resting on the table (so a click lands on the
// row that was under it), a trade's detail open, the table scrolled away from the top. Pure.

export interface PauseCauses {
  /** Pressed "Pause live updates" (or Space on the table); only the person ends it. */
  explicit: boolean;
  pointer: boolean;
  drawer: boolean;
  scrolled: boolean;
}

export function isPaused(causes: PauseCauses): boolean {
  return causes.explicit || causes.pointer || causes.drawer || causes.scrolled;
}

/** What the board says on screen about the pause, the cause that will last longest first; null when live. */
export function pauseReason(causes: PauseCauses): string | null {
  if (causes.explicit) return "Live updates paused";
  if (causes.drawer) return "Paused: a trade is open";
  if (causes.scrolled) return "Paused: scrolled down";
  if (causes.pointer) return "Paused: pointer on the table";
  return null;
}
