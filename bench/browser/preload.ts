// Fills the board with 100,000 trades through its own socket before anything is measured.
import type { Page } from "@playwright/test";
import { settle, tradesHeld } from "./page";
import { sleep, type Control } from "./sim-control";

const PRELOAD_STATUSES = ["completed", "completed", "completed", "canceled", "declined", "failed", "completed", "reverted", "hold", "active", "pending", "completed"] as const;

/**
 * `count` trades into the board through its socket: created through the control API, one event each
 * (a mix of finished and in-flight trades, both games, both types), while the board shows a search
 * that matches none of them so the intake is not throttled by painting rows. Returns the seconds it took.
 */
export async function preload(page: Page, control: Control, count: number, log: (line: string) => void): Promise<number> {
  const started = Date.now();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next;
      next += 1;
      const status = PRELOAD_STATUSES[i % PRELOAD_STATUSES.length] ?? "completed";
      await control("POST", "/__sim/trades", { status, game: i % 3 === 0 ? "252490" : "730", type: i % 4 === 0 ? "withdraw" : "deposit", stall: true, ageSeconds: Math.floor((count - i) / 50) });
    }
  };
  const reporter = setInterval(() => log(`    preload: ${next.toLocaleString("en")} created`), 30_000);
  try {
    await Promise.all(Array.from({ length: 24 }, worker));
  } finally {
    clearInterval(reporter);
  }
  const deadline = Date.now() + 10 * 60_000;
  while ((await tradesHeld(page)) < count && Date.now() < deadline) await sleep(2_000);
  await settle(page);
  return (Date.now() - started) / 1000;
}
