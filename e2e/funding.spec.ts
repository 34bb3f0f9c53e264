// The Funding view used the way an operator uses it: the simulator's deposits and withdrawals in the
// Funding table with their amounts (checked against the simulator's ground truth), the filters
// narrowing it, an item's detail with its explorer link from the fixed per-chain table, a withdrawal
// stuck awaiting admin flagged and alerted, and the board's feeds leading here. Runs against the
// shared simulator with its arrival rate at 0; each test checks only the funding items it created.
import type { Locator, Page } from "@playwright/test";
import { expectLive } from "./support/board";
import { expect, signIn, test } from "./support/fixtures";
import { quietSimulatorDuring, simRequest } from "./support/sim-control";

quietSimulatorDuring(test);

/** The fields of a simulator (wire) funding object the specs look at. */
interface SimFunding {
  id: string;
  status: string;
  amounts: { usd: string; token: string };
  asset: { token: string; chain: string };
  address: string;
  txnHash: string | null;
  updatedAt: string;
}

/** The explorer host each chain must link to (lib/trades/explorers.ts); other chains get no link. */
const EXPLORER_HOST: Record<string, string> = { ETH: "etherscan.io", BSC: "bscscan.com", SOL: "solscan.io" };
const USD = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

function createFunding(kind: "deposit" | "withdrawal", status: string, ageSeconds?: number): Promise<SimFunding> {
  return simRequest<SimFunding>("POST", "/__sim/funding", { kind, status, ...(ageSeconds === undefined ? {} : { ageSeconds }) });
}

async function groundTruth(ids: string[]): Promise<{ deposits: SimFunding[]; withdrawals: SimFunding[] }> {
  return simRequest("GET", `/__sim/state?ids=${ids.join(",")}`);
}

async function openFunding(page: Page, query = ""): Promise<void> {
  await signIn(page);
  await page.goto(`/funding${query}`);
  await expectLive(page);
}

const table = (page: Page) => page.getByRole("table", { name: "Funding" });
const row = (page: Page, id: string) => table(page).locator(`tr[data-funding-id="${id}"]`);
const drawer = (page: Page) => page.getByRole("dialog");

async function shownStatuses(page: Page): Promise<string[]> {
  return table(page).locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-status") ?? ""));
}

function chip(scope: Locator, name: string): Locator {
  return scope.getByRole("button", { name: new RegExp(`^${name}\\b`) });
}

test("the simulator's deposits and withdrawals are in the Funding table with their amounts, and the filters narrow it", async ({ page }) => {
  await openFunding(page);
  const deposit = await createFunding("deposit", "COMPLETED");
  const withdrawal = await createFunding("withdrawal", "PENDING_ADMIN");
  const truth = await groundTruth([deposit.id, withdrawal.id]);
  const [trueDeposit] = truth.deposits;
  const [trueWithdrawal] = truth.withdrawals;
  if (!trueDeposit || !trueWithdrawal) throw new Error("the simulator does not know its own fixtures");

  await expect(row(page, deposit.id)).toHaveAttribute("data-status", "completed");
  await expect(row(page, deposit.id)).toHaveAttribute("data-kind", "deposit");
  await expect(row(page, deposit.id)).toContainText(USD.format(Number(trueDeposit.amounts.usd)));
  await expect(row(page, deposit.id)).toContainText(`${trueDeposit.amounts.token} ${trueDeposit.asset.token}`);
  await expect(row(page, withdrawal.id)).toHaveAttribute("data-status", "pending_admin");
  await expect(row(page, withdrawal.id)).toContainText(USD.format(Number(trueWithdrawal.amounts.usd)));
  // Just created: awaiting admin, but not beyond the limit.
  await expect(row(page, withdrawal.id)).toHaveAttribute("data-stuck", "false");

  // Kind: only withdrawals, in the URL too.
  await chip(page.getByRole("group", { name: "Kind" }), "Withdrawals").click();
  await expect(page).toHaveURL(/[?&]kind=withdrawal\b/);
  await expect(row(page, deposit.id)).toHaveCount(0);
  await expect(row(page, withdrawal.id)).toBeVisible();
  expect(await table(page).locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-kind")))).not.toContain("deposit");

  // Status: only those awaiting admin.
  await chip(page.getByRole("group", { name: "Status" }), "Awaiting admin").click();
  await expect(page).toHaveURL(/[?&]status=pending_admin\b/);
  await expect(row(page, withdrawal.id)).toBeVisible();
  expect(new Set(await shownStatuses(page))).toEqual(new Set(["pending_admin"]));

  // Search by address finds exactly the item.
  await page.getByRole("button", { name: "Clear filters" }).click();
  await page.getByLabel("Search funding").fill(trueDeposit.address);
  await expect(table(page).locator("tbody tr")).toHaveCount(1);
  await expect(row(page, deposit.id)).toBeVisible();
});

test("a withdrawal awaiting admin beyond the limit is flagged Stuck, found by the Exposure link, and alerted with a link to its detail", async ({ page }) => {
  const stuck = await createFunding("withdrawal", "PENDING_ADMIN", 42 * 60);
  const fresh = await createFunding("withdrawal", "PENDING_ADMIN");
  await openFunding(page, "?kind=withdrawal&stuck=1");

  await expect(row(page, stuck.id)).toHaveAttribute("data-stuck", "true");
  await expect(row(page, stuck.id)).toContainText(/Stuck: awaiting admin for 4[23] min, over the 30 min limit/);
  await expect(row(page, fresh.id)).toHaveCount(0);
  expect(await table(page).locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-stuck")))).not.toContain("false");
  await expect(page.getByRole("button", { name: /^Stuck\b/ })).toHaveAttribute("aria-pressed", "true");

  // The server raises a funding-failed alert for it; its subject opens the detail in /funding.
  await page.goto("/board");
  await expectLive(page);
  await page.getByRole("button", { name: "Alerts" }).click();
  const alerts = page.getByRole("region", { name: "Alerts" });
  const alert = alerts.locator(`[data-kind="funding-failed"][data-funding-id="${stuck.id}"]`);
  await expect(alert).toBeVisible({ timeout: 20_000 });
  await expect(alert).toContainText("awaiting admin");
  await alert.getByRole("link", { name: stuck.id }).click();
  await expect(page).toHaveURL(new RegExp(`/funding\\?item=${stuck.id}`));
  await expect(drawer(page)).toBeVisible();
  await expect(drawer(page)).toContainText(/Stuck: awaiting admin for 4[23] min, over the 30 min limit/);
});

test("an item's detail shows chain, address and transaction hash with an explorer link from the fixed table; Esc closes it", async ({ page }) => {
  // The simulator picks the chain at random (TRON among them, which has no explorer in our table):
  // make completed deposits until one is on a chain the table knows.
  let deposit: SimFunding | undefined;
  for (let attempt = 0; attempt < 20 && deposit === undefined; attempt += 1) {
    const made = await createFunding("deposit", "COMPLETED");
    if (made.asset.chain in EXPLORER_HOST && made.txnHash !== null) deposit = made;
  }
  if (!deposit) throw new Error("no completed deposit on ETH, BSC or SOL in 20 tries");
  const host = EXPLORER_HOST[deposit.asset.chain];

  await openFunding(page);
  await row(page, deposit.id).getByRole("button", { name: /^Deposit\b/ }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]item=${deposit.id}`));
  const detail = drawer(page);
  await expect(detail).toBeVisible();
  await expect(detail.getByRole("heading")).toHaveText(`Deposit · ${USD.format(Number(deposit.amounts.usd))}`);
  await expect(detail).toContainText(deposit.asset.chain);
  await expect(detail).toContainText(`${deposit.amounts.token} ${deposit.asset.token}`);
  await expect(detail).toContainText(deposit.address);
  await expect(detail).toContainText(deposit.txnHash ?? "");
  await expect(detail.getByRole("button", { name: `Copy transaction hash: ${deposit.txnHash ?? ""}` })).toBeVisible();

  const txLink = detail.getByRole("link", { name: `View transaction on ${host}` });
  const txHref = new URL((await txLink.getAttribute("href")) ?? "");
  expect(txHref.protocol).toBe("https:");
  expect(txHref.host).toBe(host);
  expect(txHref.pathname).toBe(`/tx/${deposit.txnHash ?? ""}`);
  const addressHref = new URL((await detail.getByRole("link", { name: `View address on ${host}` }).getAttribute("href")) ?? "");
  expect(addressHref.host).toBe(host);
  expect(addressHref.pathname.endsWith(`/${deposit.address}`)).toBe(true);

  await page.keyboard.press("Escape");
  await expect(detail).toBeHidden();
  await expect(page).not.toHaveURL(/[?&]item=/);
});

test("the board's feeds lead to the Funding view: View all, and each item to its detail", async ({ page }) => {
  const withdrawal = await createFunding("withdrawal", "APPROVED");
  await signIn(page);
  await page.goto("/board");
  await expectLive(page);
  const feed = page.getByRole("region", { name: "Crypto withdrawals" });
  const item = feed.locator(`[data-funding-id="${withdrawal.id}"]`);
  await expect(item).toHaveAttribute("data-status", "approved");
  await item.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/funding\\?item=${withdrawal.id}`));
  await expect(drawer(page)).toBeVisible();
  await expect(drawer(page).getByRole("heading")).toHaveText(/^Withdrawal · \$/);

  await page.goto("/board");
  await page.getByRole("region", { name: "Crypto withdrawals" }).getByRole("link", { name: "View all crypto withdrawals" }).click();
  await expect(page).toHaveURL(/\/funding\?kind=withdrawal$/);
  await expect(row(page, withdrawal.id)).toBeVisible();
});
