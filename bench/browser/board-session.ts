// What the board's phases, ramp and soak share: the signed-in page on the live board, its search box,
// the probe trades and the simulator they move.
import type { CDPSession, Locator, Page } from "@playwright/test";
import type { Control } from "./sim-control";

export interface BoardSession {
  page: Page;
  cdp: CDPSession;
  search: Locator;
  control: Control;
  /** Trades only the bench moves (created stalled), shown alone by searching `probe-${run}`. */
  probes: string[];
  run: string;
  eventsPerTrade: number;
  /** Names the phases: "board", or the board with the experiment's CSS. */
  label: string;
  log: (line: string) => void;
}
