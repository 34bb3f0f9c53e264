// CSV export as a person uses it, on the shared quiet simulator: Export CSV of a filtered view holds
// exactly the view's rows (ids compared with the Trades table) with a header row and a formula-looking
// item name neutralised; Export history… downloads the recorded trades of a date range (the created
// ones included, as many rows as the recorder holds for that range and filter); a viewer sees no export
// control and the server answers 403 on both export routes (its own dashboard with a viewer account).
import { readFile } from "node:fs/promises";
import bcrypt from "bcryptjs";
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expectLive, renderedRows } from "./support/board";
import { sharedSimulator } from "./support/extra-apps";
import { expect, signIn, signInAt, test } from "./support/fixtures";
import { type RunningProcess, startAppProcess } from "./support/processes";
import { quietSimulatorDuring, type SimTrade, simRequest, uniqueTag } from "./support/sim-control";

const CS2 = "730";
const RUST = "252490";
const HEADER = /^id,externalId,type,game,status,rawStatus,stalled,notFoundAtAssetPay,totalPriceUsd,/;

quietSimulatorDuring(test);
test.use({ viewport: { width: 1440, height: 900 } });

function createTrade(body: Record<string, unknown>): Promise<SimTrade> {
  return simRequest<SimTrade>("POST", "/__sim/trades", { stall: true, ...body });
}

async function openBoard(page: Page, query = ""): Promise<void> {
  await signIn(page);
  await page.goto(`/board${query}`);
  await expectLive(page);
}

/** CSV lines of a download (records end with CRLF; none of this spec's cells holds a line break). */
async function downloadedLines(page: Page, click: () => Promise<void>): Promise<{ name: string; lines: string[] }> {
  const downloading = page.waitForEvent("download");
  await click();
  const download = await downloading;
  const lines = (await readFile(await download.path(), "utf8")).split("\r\n");
  expect(lines.at(-1)).toBe("");
  return { name: download.suggestedFilename(), lines: lines.slice(0, -1) };
}

const firstCell = (line: string) => line.split(",")[0] ?? "";

interface RecordedSnapshot {
  trades: { payload: { id: string; game: string; updatedAt: string } }[];
}

test("Export CSV of a filtered view has exactly the view's rows, a header row and the formula item name neutralised", async ({ page }, testInfo) => {
  const tag = uniqueTag("csv");
  const formula = await createTrade({ status: "active", game: RUST, itemName: `=HYPERLINK("http://evil.test")${tag}` });
  const plain = await createTrade({ status: "completed", game: RUST, externalId: `-${tag}`, itemName: `${tag} Sticker` });
  await createTrade({ status: "active", game: CS2, itemName: `${tag} Other game` });
  await openBoard(page, `?q=${tag}&game=rust`);
  await expect(page.getByTestId("trade-count")).toHaveText("2");
  const shown = (await renderedRows(page)).map((row) => row.id);
  expect(shown.sort()).toEqual([formula.id, plain.id].sort());

  await page.screenshot({ path: testInfo.outputPath("export-view-1440x900.png") });
  const { name, lines } = await downloadedLines(page, () => page.getByRole("button", { name: "Export CSV" }).click());
  expect(name).toMatch(/^trades-.*\.csv$/);
  expect(lines[0]).toMatch(HEADER);
  expect(lines.slice(1).map(firstCell).sort()).toEqual(shown.sort());
  const formulaLine = lines.find((line) => line.startsWith(formula.id)) ?? "";
  expect(formulaLine).toContain(`,"'=HYPERLINK(""http://evil.test"")${tag}",`);
  expect(lines.find((line) => line.startsWith(plain.id))).toContain(`,'-${tag},`);
});

test("Export history… shows progress, can be cancelled, and downloads the recorded trades of a date range with the view's game filter", async ({ page }, testInfo) => {
  const tag = uniqueTag("hist");
  const created = [
    await createTrade({ status: "hold", game: RUST, itemName: `=HYPERLINK("x")${tag}` }),
    await createTrade({ status: "completed", game: RUST, itemName: `${tag} Knife` }),
  ];
  const otherGame = await createTrade({ status: "active", game: CS2, itemName: `${tag} Other game` });
  await openBoard(page, "?game=rust");
  await page.getByLabel("Time zone").selectOption("utc");

  // The recorder's copy is the truth the export reads: wait until it holds the new trades.
  let recorded: RecordedSnapshot["trades"] = [];
  await expect
    .poll(async () => {
      recorded = ((await (await page.request.get("/api/snapshot")).json()) as RecordedSnapshot).trades;
      const ids = new Set(recorded.map((t) => t.payload.id));
      return [...created, otherGame].every((t) => ids.has(t.id));
    })
    .toBe(true);

  await page.getByRole("button", { name: "Export history…" }).click();
  const dialog = page.getByRole("dialog", { name: "Export recorded history" });
  await expect(dialog).toContainText("game rust");
  const fromDay = await dialog.getByLabel("From").inputValue();
  const toDay = await dialog.getByLabel("To").inputValue();
  const from = Date.parse(`${fromDay}T00:00:00Z`);
  const to = Date.parse(`${toDay}T00:00:00Z`) + 86_400_000;
  const expected = recorded
    .filter((t) => t.payload.game === RUST && Date.parse(t.payload.updatedAt) >= from && Date.parse(t.payload.updatedAt) < to)
    .map((t) => t.payload.id);
  await page.screenshot({ path: testInfo.outputPath("export-history-dialog-1440x900.png") });

  // While the answer is held back the dialog shows its progressbar; Cancel drops the export.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/trades/export?*", async (route) => {
    await held;
    await route.continue().catch(() => undefined);
  });
  await dialog.getByRole("button", { name: "Export", exact: true }).click();
  await expect(dialog.getByRole("progressbar", { name: "Rows exported" })).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog.getByRole("progressbar")).toHaveCount(0);
  await expect(dialog.getByRole("button", { name: "Save CSV" })).toHaveCount(0);
  release();
  await page.unrouteAll({ behavior: "wait" });

  await dialog.getByRole("button", { name: "Export", exact: true }).click();
  await expect(dialog.getByRole("status")).toHaveText(`Ready: ${expected.length.toLocaleString("en-GB")} ${expected.length === 1 ? "row" : "rows"}.`);
  const { name, lines } = await downloadedLines(page, () => dialog.getByRole("button", { name: "Save CSV" }).click());
  expect(name).toBe(`trades-${fromDay}-to-${new Date(to).toISOString().slice(0, 10)}.csv`);
  expect(lines[0]).toMatch(HEADER);
  const ids = lines.slice(1).map(firstCell);
  expect(ids.sort()).toEqual([...expected].sort());
  for (const trade of created) expect(ids).toContain(trade.id);
  expect(ids).not.toContain(otherGame.id);
  expect(lines.find((line) => line.startsWith(created[0]?.id ?? "?"))).toContain(`,"'=HYPERLINK(""x"")${tag}",`);

  // The same export over the API shows its progress fields: the total first, then exactly that many rows.
  const answer = await page.request.get(`/api/trades/export?from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}&game=rust`);
  expect(answer.headers()["x-total-rows"]).toBe(String(expected.length));
  expect(answer.headers()["content-disposition"]).toMatch(/^attachment; /);
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
});

test.describe("a viewer", () => {
  const viewer = { email: "viewer@example.test", password: `pw-${randomBytes(6).toString("hex")}` };
  let app: RunningProcess;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    app = await startAppProcess("export-viewer-app", {
      simulator: sharedSimulator(),
      staffAccounts: `${viewer.email}:viewer:${bcrypt.hashSync(viewer.password, 10)}`,
    });
  });
  test.afterAll(async () => {
    await app?.stop();
  });

  test("sees no export control and gets 403 from both export routes", async ({ browser }, testInfo) => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      const page = await context.newPage();
      await signInAt(page, app.url, viewer.email, viewer.password);
      await expect(page).toHaveURL(/\/board/);
      await expect(page.getByRole("banner")).toContainText(`${viewer.email} · Viewer`);
      await expect(page.getByTestId("trade-count")).toBeVisible();
      await expect(page.getByRole("button", { name: "Export CSV" })).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Export history…" })).toHaveCount(0);
      await page.screenshot({ path: testInfo.outputPath("export-viewer-1440x900.png") });

      const range = `from=${new Date(Date.now() - 86_400_000).toISOString()}&to=${new Date().toISOString()}`;
      const history = await context.request.get(`${app.url}/api/trades/export?${range}`);
      expect(history.status()).toBe(403);
      expect(((await history.json()) as { error: { code: string } }).error.code).toBe("forbidden");
      const view = await context.request.post(`${app.url}/api/trades/export`, { headers: { origin: app.url }, data: { rows: 1, view: "" } });
      expect(view.status()).toBe(403);
    } finally {
      await context.close();
    }
  });
});
