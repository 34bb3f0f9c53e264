// The spoofing finding of the attack run, written as the attack: a merchant's order id (externalId,
// chosen by whoever places the order) carrying a right-to-left override or look-alike letters, as
// staff see it in a trade's drawer.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expectLive, tradeRow } from "./support/board";
import { expect, signIn, test } from "./support/fixtures";
import { simRequest, type SimTrade } from "./support/sim-control";

async function openDrawerOf(page: Page, trade: SimTrade) {
  await page.getByLabel("Search trades").fill(trade.id);
  await tradeRow(page, trade.id).focus();
  await page.keyboard.press("Enter");
  const drawer = page.getByRole("dialog");
  await expect(drawer).toBeVisible();
  return drawer;
}

test("bidi controls are shown as code points and look-alike letters are flagged", async ({ page }) => {
  await signIn(page);
  await page.goto("/board");
  await expectLive(page);
  const tag = randomBytes(3).toString("hex");

  // Shown as-is, `inv‮gpj.exe` reads "invexe.jpg".
  const reversed = await simRequest<SimTrade>("POST", "/__sim/trades", { status: "active", externalId: `inv\u202Egpj.exe-${tag}` });
  let drawer = await openDrawerOf(page, reversed);
  await expect(drawer).toContainText(`inv⟨U+202E⟩gpj.exe-${tag}`);
  expect(await drawer.textContent()).not.toContain("\u202E");
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();

  // `pаypal` with a Cyrillic а poses as the Latin word.
  const lookAlike = await simRequest<SimTrade>("POST", "/__sim/trades", { status: "active", externalId: `p\u0430ypal-${tag}` });
  drawer = await openDrawerOf(page, lookAlike);
  await expect(drawer.getByRole("img", { name: "mixed scripts" })).toBeVisible();
  // Only that id is marked: the trade id, Steam ID and the rest are one script each.
  await expect(drawer.getByRole("img", { name: "mixed scripts" })).toHaveCount(1);
});
