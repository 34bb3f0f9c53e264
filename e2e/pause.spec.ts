// Reading a busy board: "Pause live updates" holds the rows and their order still while the updates
// keep arriving and are counted ("Show N updates"); releasing applies them. The pointer resting on the
// table pauses it too, so a click during a burst opens the row that was under the pointer. Runs against
// the shared simulator with its arrival rate at 0 (as board.spec.ts does); each test searches for its
// own tag, so only its own trades are in view and counted.
import type { Page } from "@playwright/test";
import { expectLive, tradeCount, tradeRow } from "./support/board";
import { expect, signIn, test } from "./support/fixtures";
import { quietSimulatorDuring, type SimTrade, simRequest, uniqueTag } from "./support/sim-control";

quietSimulatorDuring(test);


/** `count` new active trades whose item name carries `tag`, each emitted on the socket as it is made. */
async function createTagged(tag: string, count: number): Promise<SimTrade[]> {
  const made: SimTrade[] = [];
  for (let start = 0; start < count; start += 25) {
    const batch = Array.from({ length: Math.min(25, count - start) }, () =>
      simRequest<SimTrade>("POST", "/__sim/trades", { status: "active", stall: true, itemName: `${tag} AK-47 | Redline` }),
    );
    made.push(...(await Promise.all(batch)));
  }
  return made;
}

async function openTagged(page: Page, tag: string, expected: number): Promise<void> {
  await signIn(page);
  await page.goto("/board");
  await expectLive(page);
  await page.getByLabel("Search trades").fill(tag);
  await expect(page.getByTestId("trade-count")).toHaveText(String(expected));
}

/** What the table shows: each rendered row's id, status and place. */
function shownRows(page: Page) {
  return page
    .getByRole("table", { name: "Trades" })
    .locator("[data-trade-id]")
    .evaluateAll((rows) => rows.map((r) => `${r.getAttribute("data-trade-id")} ${r.getAttribute("data-status")} ${r.getAttribute("aria-rowindex")}`).sort());
}

const pauseButton = (page: Page) => page.getByRole("button", { name: "Pause live updates" });

test("paused, 200 updates change nothing in the table and wait as 'Show 200 updates'; releasing shows them", async ({ page }, testInfo) => {
  const tag = uniqueTag("pause");
  const [moved] = await createTagged(tag, 3);
  if (!moved) throw new Error("no trade made");
  await openTagged(page, tag, 3);
  await expect(tradeRow(page, moved.id)).toHaveAttribute("data-status", "active");
  const before = await shownRows(page);

  await pauseButton(page).click();
  await expect(pauseButton(page)).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText("Live updates paused")).toBeVisible();

  // 200 distinct trades change: 199 new ones and one of the three shown moves on.
  await createTagged(tag, 199);
  await simRequest("POST", `/__sim/trades/${moved.id}/status`, { status: "hold" });
  await expect(page.getByTestId("pending-updates")).toHaveText("200", { timeout: 20_000 });
  await expect(page.getByRole("button", { name: "Show 200 updates" })).toBeVisible();
  expect(await shownRows(page)).toEqual(before);
  await expect(page.getByRole("table", { name: "Trades" })).toHaveAttribute("aria-rowcount", "4");
  // The counts stay live: the pill and the count say the same thing.
  expect(await tradeCount(page)).toBe(202);
  await page.screenshot({ path: testInfo.outputPath("pause-paused.png") });

  await pauseButton(page).click();
  await expect(pauseButton(page)).toHaveAttribute("aria-pressed", "false");
  await expect(page.getByTestId("pending-updates")).toHaveCount(0);
  await expect(page.getByRole("table", { name: "Trades" })).toHaveAttribute("aria-rowcount", "203");
  await expect(tradeRow(page, moved.id)).toHaveAttribute("data-status", "hold");
  // The move made it the most recently active: first again.
  await expect(tradeRow(page, moved.id)).toHaveAttribute("aria-rowindex", "2");
  await page.screenshot({ path: testInfo.outputPath("pause-released.png") });

  // Space on the table pauses and releases too.
  await tradeRow(page, moved.id).focus();
  await page.keyboard.press("Space");
  await expect(pauseButton(page)).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("dialog")).toBeHidden();
  await page.keyboard.press("Space");
  await expect(pauseButton(page)).toHaveAttribute("aria-pressed", "false");
});

test("a click during a burst opens the row that was under the pointer", async ({ page }, testInfo) => {
  const tag = uniqueTag("burst");
  await createTagged(tag, 10);
  await openTagged(page, tag, 10);

  // Rest the pointer on the third row: the table holds still and says why.
  const third = page.getByRole("table", { name: "Trades" }).locator('[aria-rowindex="4"]');
  const box = await third.boundingBox();
  if (!box) throw new Error("third row not rendered");
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await expect(page.getByText("Paused: pointer on the table")).toBeVisible();
  const underPointer = () =>
    page.evaluate(([px, py]) => document.elementFromPoint(px, py)?.closest("[data-trade-id]")?.getAttribute("data-trade-id") ?? null, [x, y] as const);
  const aimed = await underPointer();
  expect(aimed).not.toBeNull();

  // A burst of 30 new trades, each newer than every shown one: live, they would push the rows down.
  await createTagged(tag, 30);
  await expect(page.getByTestId("pending-updates")).toHaveText("30", { timeout: 20_000 });
  expect(await underPointer()).toBe(aimed);
  await page.screenshot({ path: testInfo.outputPath("pause-pointer.png") });

  await page.mouse.click(x, y);
  const drawer = page.getByRole("dialog");
  await expect(drawer).toBeVisible();
  await expect(drawer).toContainText(aimed ?? "");
  expect(new URL(page.url()).searchParams.get("trade")).toBe(aimed);

  // Proof the burst would have moved it: once nothing holds the table, that row is far down.
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await page.mouse.move(1, 1);
  await expect(page.getByRole("table", { name: "Trades" })).toHaveAttribute("aria-rowcount", "41");
  // 30 newer trades now sit above it: the third place holds one of them.
  const thirdNow = page.getByRole("table", { name: "Trades" }).locator('[aria-rowindex="4"]');
  await expect(thirdNow).toHaveAttribute("data-trade-id", /./);
  expect(await thirdNow.getAttribute("data-trade-id")).not.toBe(aimed);
});
