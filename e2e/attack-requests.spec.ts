// The request findings of the attack run, each written as the attack against the shared dashboard:
// ids a database or Next.js cannot take (answered 500/503 with internals), and bodies of any size.
import type { APIResponse } from "@playwright/test";
import { expect, signIn, test } from "./support/fixtures";

async function expectJsonError(response: APIResponse, status: number, code: string, where: string): Promise<string> {
  expect(response.status(), where).toBe(status);
  expect(response.headers()["content-type"], where).toContain("application/json");
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code, where).toBe(code);
  return body.error.message;
}

test.describe("bad ids", () => {
  const badIds = ["%00", "a%00b", "%0A", "%7F", "%E0%A4%A", "%ZZ", "%ED%A0%80", "%"];
  const routes: ((id: string) => [method: string, path: string])[] = [
    (id: string) => ["GET", `/api/trades/${id}/history`],
    (id: string) => ["GET", `/api/trades/${id}/team`],
    (id: string) => ["POST", `/api/trades/${id}/notes`],
    (id: string) => ["POST", `/api/trades/${id}/assign`],
    (id: string) => ["POST", `/api/alerts/${id}/acknowledge`],
    (id: string) => ["POST", `/api/alerts/${id}/assign`],
    (id: string) => ["POST", `/api/alerts/${id}/snooze`],
  ];

  test("every [id] route answers 400 invalid_id without internals", async ({ page, baseURL }) => {
    await signIn(page);
    for (const route of routes) {
      for (const id of badIds) {
        const [method, path] = route(id);
        const response = await page.request.fetch(path, {
          method,
          headers: { origin: baseURL ?? "", "content-type": "application/json" },
          data: method === "POST" ? "{}" : undefined,
        });
        const message = await expectJsonError(response, 400, "invalid_id", `${method} ${path}`);
        expect(message, path).not.toMatch(/\/tmp|\/work|\.data|recorder|node_modules|Error:/i);
      }
    }
  });
});

test.describe("body limits", () => {
  // Far over any limit; sent once. A server that reads it whole holds 100 MB for it.
  const hundredMegabytes = 100 * 1024 * 1024;

  test("a 100 MB form to the sign-in callback is refused with 413 before it is read", async ({ request }) => {
    const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const big = Buffer.alloc(hundredMegabytes, "a");
    big.write(`csrfToken=${csrf.csrfToken}&email=x%40example.test&password=`);
    const response = await request.post("/api/auth/callback/credentials", {
      headers: { "content-type": "application/x-www-form-urlencoded" },
      data: big,
      maxRedirects: 0,
    });
    await expectJsonError(response, 413, "body_too_large", "sign-in callback");
  });

  test("every route that reads a body refuses an oversized one with 413 JSON", async ({ page, baseURL }) => {
    await signIn(page);
    const big = Buffer.alloc(2 * 1024 * 1024, "a");
    const headers = { origin: baseURL ?? "", "content-type": "application/json" };
    for (const path of [
      "/api/auth/callback/credentials",
      "/api/auth/signout",
      "/api/assetpay/token",
      "/api/assetpay/resync",
      "/api/trades/tr_1/notes",
      "/api/trades/tr_1/assign",
      "/api/alerts/al_1/assign",
      "/api/alerts/al_1/snooze",
    ]) {
      await expectJsonError(await page.request.post(path, { headers, data: big, maxRedirects: 0 }), 413, "body_too_large", path);
    }
  });
});
