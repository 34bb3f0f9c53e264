// The merchant's AssetPay quota is spent by the server alone, through one budget: twenty tabs'
// resyncs cost about one reconcile at AssetPay (counted with the simulator's request counter), not
// twenty; and floods of resyncs or token requests from one staff member are refused with 429.
import type { Page } from "@playwright/test";
import { openLiveBoard } from "./support/board";
import { startExtraApp } from "./support/extra-apps";
import { expect, test } from "./support/fixtures";
import { simRequest } from "./support/sim-control";

const IN_FLIGHT = "initiated,pending,active,hold";
const TABS = 20;

async function restRequests(): Promise<number> {
  return (await simRequest<{ rest: { requests: number } }>("GET", "/__sim/stats")).rest.requests;
}

/** Like each tab's live session: POST the in-flight ids it holds to the resync route. */
function resyncFrom(page: Page, tradeIds: string[]): Promise<{ status: number; trades: number }> {
  return page.evaluate(async (ids) => {
    const response = await fetch("/api/assetpay/resync", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ tradeIds: ids }),
    });
    const body = (await response.json()) as { trades?: unknown[] };
    return { status: response.status, trades: body.trades?.length ?? 0 };
  }, tradeIds);
}

test("twenty tabs' resyncs cost AssetPay one coalesced reconcile, not one per tab", async ({ page, baseURL }) => {
  test.setTimeout(300_000); // twenty real boards on a small machine
  await openLiveBoard(page, baseURL ?? "");
  const state = await simRequest<{ trades: { id: string }[] }>("GET", `/__sim/state?status=${IN_FLIGHT}&limit=10000`);
  const ids = state.trades.map((trade) => trade.id);
  expect(ids.length).toBeGreaterThan(0);
  // What one reconcile costs: the in-flight trades in batches of 100, plus the ledger (deposits, withdrawals).
  const perReconcile = Math.ceil(ids.length / 100) + 3;

  const tabs = [page, ...(await Promise.all(Array.from({ length: TABS - 1 }, () => page.context().newPage())))];
  for (const tab of tabs.slice(1)) await tab.goto(`${baseURL}/board`);
  const before = await restRequests();
  const startedAt = Date.now();
  const answers = await Promise.all(tabs.map((tab) => resyncFrom(tab, ids)));
  const spent = (await restRequests()) - before;
  // The tabs' own live sessions keep resyncing meanwhile: at most one coalesced reconcile per 10 s.
  const reconciles = Math.ceil((Date.now() - startedAt) / 10_000) + 1;

  expect(answers.map((answer) => answer.status)).toEqual(Array(TABS).fill(200));
  expect(answers.every((answer) => answer.trades > 0)).toBe(true);
  // Coalesced reconciles, plus one of the recorder's own and a token or balance read that may fall
  // in the same seconds; one resync per tab straight at AssetPay would be TABS × perReconcile.
  expect(spent).toBeLessThanOrEqual((reconciles + 1) * perReconcile + 4);
  expect(spent).toBeLessThan(TABS * perReconcile);
  for (const tab of tabs.slice(1)) await tab.close();
});

test.describe("floods from one staff member", () => {
  let app: Awaited<ReturnType<typeof startExtraApp>>;
  // A dashboard of its own, so the shared one's per-staff limits stay untouched for the other specs.
  test.beforeAll(async () => {
    app = await startExtraApp("app-budget-floods", { extraEnv: { RESYNC_PER_STAFF_PER_MINUTE: "40" } });
  });
  test.afterAll(async () => {
    await app?.stop();
  });

  test("resync and token floods are refused with 429 JSON and Retry-After", async ({ browser }) => {
    const context = await browser.newContext({ baseURL: app.url });
    try {
      const page = await context.newPage();
      await openLiveBoard(page, app.url);
      const post = (path: string, body: unknown) =>
        page.evaluate(
          async ({ path, body }) => {
            const response = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
            return { status: response.status, retryAfter: response.headers.get("retry-after"), body: (await response.json()) as { error?: { code: string } } };
          },
          { path, body },
        );

      const resyncs = [];
      for (let i = 0; i < 80; i += 1) resyncs.push(await post("/api/assetpay/resync", { tradeIds: ["t1"] }));
      const refusedResync = resyncs.find((answer) => answer.status === 429);
      expect(refusedResync?.body.error?.code).toBe("too_many_requests");
      expect(Number(refusedResync?.retryAfter)).toBeGreaterThan(0);
      expect(resyncs.slice(-5).every((answer) => answer.status === 429)).toBe(true);

      const before = await restRequests();
      const tokens = [];
      for (let i = 0; i < 50; i += 1) tokens.push(await post("/api/assetpay/token", {}));
      const refusedToken = tokens.find((answer) => answer.status === 429);
      expect(refusedToken?.body.error?.code).toBe("too_many_requests");
      expect(tokens.slice(-5).every((answer) => answer.status === 429)).toBe(true);
      // Junk cookies change nothing: the limit is the staff member's.
      await context.addCookies([{ name: `junk-${Date.now()}`, value: "x", url: app.url }]);
      expect((await post("/api/assetpay/token", {})).status).toBe(429);
      // Fifty token requests in a few seconds minted a handful of tokens at AssetPay, not fifty.
      expect((await restRequests()) - before).toBeLessThan(10);
    } finally {
      await context.close();
    }
  });
});
