// Two-factor sign-in as a staff member meets it, on a dashboard of its own (with its own recorder, as
// `npm start` runs it) that requires it of everyone (AUTH_REQUIRE_TWO_FACTOR=everyone) and two fresh
// accounts, since two-factor state is per account: held on /settings until enrolled, then enrolment
// from the page (QR code and the key as text; the test computes codes with the same library as the
// server), sign-in asking for the Authentication code, a wrong or replayed code refused, a recovery
// code accepted once.
import { type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { sharedSimulator } from "./support/extra-apps";
import { expect, signInAt, test } from "./support/fixtures";
import { makeStaffCredentials, type StaffCredentials } from "./support/processes";
import { type RunningDashboard, startDashboard } from "./support/recorder";

const held = makeStaffCredentials("held@two-factor.test");
const flow = makeStaffCredentials("flow@two-factor.test");
let dashboard: RunningDashboard | null = null;
const appUrl = () => dashboard?.app.url ?? "";

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dashboard = await startDashboard("two-factor", {
    simulator: sharedSimulator(),
    staffAccounts: `${held.accounts},${flow.accounts}`,
    extraEnv: { AUTH_REQUIRE_TWO_FACTOR: "everyone" },
  });
});

test.afterAll(async () => {
  await dashboard?.stop();
});

const codeAt = (key: string, timestamp: number) => TOTP.generate({ secret: Secret.fromBase32(key), timestamp });
/** The form's own alert (Next's route announcer is an alert too). */
const formAlert = (page: Page) => page.getByRole("form", { name: "Staff sign-in" }).getByRole("alert");

/** On /settings: set up, read the key off the page, turn on with a code from it; the recovery codes shown. */
async function enrol(page: Page): Promise<{ key: string; recoveryCodes: string[] }> {
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  const qr = page.getByRole("img", { name: "QR code for your authenticator app" });
  await expect(qr).toHaveAttribute("src", /^data:image\/png;base64,/);
  // Drawn, so the page's Content-Security-Policy let the data: URL through.
  await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const key = (await page.getByTestId("two-factor-key").innerText()).replace(/\s+/g, "");
  await page.getByLabel("Authentication code").fill("000000" === codeAt(key, Date.now()) ? "111111" : "000000");
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "That code is not right" })).toBeVisible();
  await page.getByLabel("Authentication code").fill(codeAt(key, Date.now()));
  await page.getByRole("button", { name: "Turn on" }).click();
  const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recoveryCodes = await codes.allInnerTexts();
  await page.getByRole("button", { name: "I have stored them" }).click();
  await expect(page.getByText("Two-factor sign-in is on")).toBeVisible();
  return { key, recoveryCodes };
}

/** Email and password, then the form asks for the Authentication code (still on /sign-in). */
async function passwordStep(page: Page, account: StaffCredentials) {
  await page.goto(`${appUrl()}/sign-in`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Authentication code")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
}

async function codeStep(page: Page, code: string) {
  await page.getByLabel("Authentication code").fill(code);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** A six-digit code that is none of the codes valid around now. */
function wrongCode(key: string): string {
  const valid = new Set([-60_000, -30_000, 0, 30_000, 60_000].map((offset) => codeAt(key, Date.now() + offset)));
  let candidate = 123_456;
  while (valid.has(String(candidate))) candidate += 1;
  return String(candidate);
}

test("AUTH_REQUIRE_TWO_FACTOR=everyone: a staff member without it is sent to Settings and refused by the API until enrolled", async ({ page }) => {
  await signInAt(page, appUrl(), held.email, held.password);
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("status").filter({ hasText: "requires two-factor sign-in" })).toBeVisible();
  const refused = await page.request.get(`${appUrl()}/api/snapshot`);
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("two_factor_required");
  await page.goto(`${appUrl()}/board`);
  await expect(page).toHaveURL(/\/settings$/);

  await enrol(page);
  // Required of this account: it cannot be turned off.
  await expect(page.getByRole("button", { name: "Turn off" })).toHaveCount(0);
  expect((await page.request.get(`${appUrl()}/api/snapshot`)).status()).toBe(200);
  await page.goto(`${appUrl()}/board`);
  await expect(page).toHaveURL(/\/board$/);
});

test("sign-in asks for the authentication code; a wrong or replayed code is refused, a recovery code works once", async ({ page }) => {
  await signInAt(page, appUrl(), flow.email, flow.password);
  await page.getByRole("banner").getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  const { key, recoveryCodes } = await enrol(page);
  await signOut(page);

  await passwordStep(page, flow);
  await codeStep(page, wrongCode(key));
  await expect(formAlert(page)).toHaveText("Wrong email, password or authentication code.");
  await expect(page).toHaveURL(/\/sign-in/);
  // The next time step's code: the one that turned it on (this step's) is used up already.
  const code = codeAt(key, Date.now() + 30_000);
  await codeStep(page, code);
  await expect(page).toHaveURL(/\/board$/);
  await signOut(page);

  await passwordStep(page, flow);
  await codeStep(page, code);
  await expect(formAlert(page)).toHaveText("Wrong email, password or authentication code.");
  const [recoveryCode = ""] = recoveryCodes;
  await codeStep(page, recoveryCode);
  await expect(page).toHaveURL(/\/board$/);
  await signOut(page);

  await passwordStep(page, flow);
  await codeStep(page, recoveryCode);
  await expect(formAlert(page)).toHaveText("Wrong email, password or authentication code.");
  await expect(page).toHaveURL(/\/sign-in/);
});
