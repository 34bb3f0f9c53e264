// Reading a busy board: the filter chips' counts are what a click will show (each counts within every
// other active filter) and the Time zone control changes every shown time (Export CSV is in
// e2e/export.spec.ts). Runs on the shared simulator with its arrival rate at 0; every test tags the
// trades it creates (held in their status with `stall: true`) and searches for the tag, so its counts
// are exact.
import type { Locator, Page, TestInfo } from "@playwright/test";
import { expectLive, tradeRow } from "./support/board";
import { expect, signIn, test } from "./support/fixtures";
import { quietSimulatorDuring, type SimTrade, simRequest, uniqueTag } from "./support/sim-control";

const CS2 = "730";
const RUST = "252490";

quietSimulatorDuring(test);


function createTrade(body: Record<string, unknown>): Promise<SimTrade> {
  return simRequest<SimTrade>("POST", "/__sim/trades", { stall: true, ...body });
}

async function openBoard(page: Page, query = ""): Promise<void> {
  await signIn(page);
  await page.goto(`/board${query}`);
  await expectLive(page);
}

async function attachScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

/** Each chip's count in a group, by label ("On hold 3" → { "On hold": 3 }); labels may contain digits (CS2). */
async function chipCounts(group: Locator): Promise<Record<string, number>> {
  const names = await group.getByRole("button").evaluateAll((buttons) =>
    buttons.map((b) => [b.children[0]?.textContent ?? "", b.children[1]?.textContent ?? ""] as const),
  );
  return Object.fromEntries(names.map(([label, count]) => [label.trim(), Number(count.replace(/\D/g, ""))]));
}

const STATUS_LABEL: Record<string, string> = { active: "Offer sent", hold: "On hold", completed: "Completed", failed: "Failed" };
const GAME_LABEL: Record<string, string> = { [CS2]: "CS2", [RUST]: "Rust" };
const TYPE_LABEL: Record<string, string> = { deposit: "Deposit", withdraw: "Withdraw" };

test("every facet count equals the rows its click shows, for every combination of game, type and status", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const tag = uniqueTag("facet");
  const specs = [
    { game: CS2, type: "deposit", status: "active" },
    { game: CS2, type: "deposit", status: "active" },
    { game: CS2, type: "deposit", status: "hold" },
    { game: CS2, type: "withdraw", status: "completed" },
    { game: CS2, type: "withdraw", status: "failed" },
    { game: CS2, type: "withdraw", status: "hold" },
    { game: RUST, type: "deposit", status: "active" },
    { game: RUST, type: "withdraw", status: "active" },
    { game: RUST, type: "deposit", status: "completed" },
    { game: RUST, type: "withdraw", status: "completed" },
  ];
  const created: SimTrade[] = [];
  for (const [i, spec] of specs.entries()) created.push(await createTrade({ ...spec, itemName: `${tag} Sticker ${i}` }));
  await openBoard(page, `?q=${tag}`);

  const gameGroup = page.getByRole("group", { name: "Game" });
  const typeGroup = page.getByRole("group", { name: "Type" });
  const statusGroup = page.getByRole("group", { name: "Status" });
  type Choice = { game: string | null; type: string | null; status: string | null };
  const rows = (c: Choice) =>
    created.filter((t) => (c.game === null || t.game === c.game) && (c.type === null || t.type === c.type) && (c.status === null || t.status === c.status)).length;

  let current: Choice = { game: null, type: null, status: null };
  const toggle = async (group: Locator, label: string) => group.getByRole("button", { name: new RegExp(`^${label}\\b`) }).click();
  const choose = async (next: Choice) => {
    if (next.game !== current.game) await toggle(gameGroup, next.game === null ? "All" : GAME_LABEL[next.game] ?? "");
    if (next.type !== current.type) {
      if (current.type !== null) await toggle(typeGroup, TYPE_LABEL[current.type] ?? "");
      if (next.type !== null) await toggle(typeGroup, TYPE_LABEL[next.type] ?? "");
    }
    if (next.status !== current.status) {
      if (current.status !== null) await toggle(statusGroup, STATUS_LABEL[current.status] ?? "");
      if (next.status !== null) await toggle(statusGroup, STATUS_LABEL[next.status] ?? "");
    }
    current = next;
  };

  for (const game of [null, CS2, RUST]) {
    for (const type of [null, "deposit", "withdraw"]) {
      for (const status of [null, "active", "hold", "completed", "failed"]) {
        const choice = { game, type, status };
        await choose(choice);
        const where = JSON.stringify(choice);
        await expect(async () => {
          expect(Number(await page.getByTestId("trade-count").textContent()), `${where} rows`).toBe(rows(choice));
          const games = await chipCounts(gameGroup);
          expect(games, where).toMatchObject({ All: rows({ ...choice, game: null }), CS2: rows({ ...choice, game: CS2 }), Rust: rows({ ...choice, game: RUST }) });
          const types = await chipCounts(typeGroup);
          expect(types, where).toMatchObject({ Deposit: rows({ ...choice, type: "deposit" }), Withdraw: rows({ ...choice, type: "withdraw" }) });
          const statuses = await chipCounts(statusGroup);
          for (const [status, label] of Object.entries(STATUS_LABEL)) expect(statuses[label], `${where} ${label}`).toBe(rows({ ...choice, status }));
        }).toPass({ timeout: 10_000 });
      }
    }
  }
  await attachScreenshot(page, testInfo, "board-reading-facets-rust-withdraw-completed");
});

test.describe("times", () => {
  // Five and a half hours from UTC, so every clock reads differently in the two zones.
  test.use({ timezoneId: "Asia/Kolkata" });

  test("the UTC choice changes every shown time and names the zone; rows show the date when not today", async ({ page }, testInfo) => {
    const tag = uniqueTag("zone");
    const old = await createTrade({ status: "hold", ageSeconds: 8 * 86_400, itemName: `${tag} Old hold` });
    const fresh = await createTrade({ status: "active", itemName: `${tag} Fresh offer` });
    await openBoard(page, `?q=${tag}`);
    await page.getByLabel("Time zone").selectOption("local");
    await expect(tradeRow(page, old.id)).toBeVisible();
    await expect(tradeRow(page, fresh.id)).toBeVisible();

    const rowTime = (id: string) => tradeRow(page, id).locator("time").first();
    // An eight-day-old hold shows its date ("28 Nov, 14:42"), a fresh offer the clock alone.
    await expect(rowTime(old.id)).toHaveText(/^\d{1,2} [A-Z][a-z]{2}, \d{2}:\d{2}$/);
    await expect(rowTime(fresh.id)).toHaveText(/^\d{2}:\d{2}:\d{2}$/);
    await expect(tradeRow(page, old.id).locator("time").nth(1)).toHaveText(/^8 days$/);
    const localTimes = [await rowTime(old.id).textContent(), await rowTime(fresh.id).textContent()];
    await tradeRow(page, fresh.id).click();
    // The drawer's exact times (In status since, Created, …) name their zone.
    const exact = page.getByRole("dialog").locator("time", { hasText: /\d{2}:\d{2}:\d{2} / });
    await expect(exact.first()).toHaveText(/(GMT\+5:30|IST)$/);
    const exactLocal = await exact.allTextContents();
    expect(exactLocal.length).toBeGreaterThanOrEqual(3);

    await page.getByLabel("Time zone").selectOption("utc");
    await expect(exact.first()).toHaveText(/UTC$/);
    const exactUtc = await exact.allTextContents();
    expect(exactUtc).toHaveLength(exactLocal.length);
    for (const [i, text] of exactUtc.entries()) {
      expect(text).toMatch(/UTC$/);
      expect(text).not.toBe(exactLocal[i]);
    }
    await expect(rowTime(fresh.id)).not.toHaveText(localTimes[1] ?? "");
    await expect(rowTime(old.id)).not.toHaveText(localTimes[0] ?? "");
    expect(await rowTime(old.id).getAttribute("title")).toMatch(/UTC/);
    await attachScreenshot(page, testInfo, "board-reading-utc-drawer");
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toBeHidden();
    await attachScreenshot(page, testInfo, "board-reading-utc-rows");

    // Remembered by this browser: a reload keeps UTC.
    await page.reload();
    await expectLive(page);
    await expect(page.getByLabel("Time zone")).toHaveValue("utc");
    await page.getByLabel("Time zone").selectOption("local");
  });
});
