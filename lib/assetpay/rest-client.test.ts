import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AssetPayError, createAssetPayClient, parseRetryAfter, type FetchLike } from "./rest-client";

const KEY = "ap_test_secret_key_value";

function fakeFetch(respond: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, init });
    return respond(url, init);
  };
  return { fetch, calls };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

async function caught(promise: Promise<unknown>): Promise<AssetPayError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AssetPayError);
  const assetPayError = error as AssetPayError;
  expect(assetPayError.message).not.toContain(KEY);
  return assetPayError;
}

describe("createAssetPayClient", () => {
  it("sends the api-key header, query and JSON body, and returns checked data", async () => {
    const { fetch, calls } = fakeFetch(() => json({ requestId: "r1", success: true, data: { balance: 12.5 } }));
    const client = createAssetPayClient({ baseUrl: "http://127.0.0.1:9/", apiKey: KEY, fetch });
    const data = await client.request("/v1/wallets/me/balance", z.object({ balance: z.number() }), { query: { game: "730", skip: undefined } });
    expect(data).toEqual({ balance: 12.5 });
    expect(calls[0]?.url).toBe("http://127.0.0.1:9/v1/wallets/me/balance?game=730");
    expect(calls[0]?.init.method).toBe("GET");
    expect(calls[0]?.init.headers).toMatchObject({ "api-key": KEY, accept: "application/json" });

    await client.request("/auth/authenticate-client", z.unknown(), { body: { a: 1 } });
    expect(calls[1]?.init.method).toBe("POST");
    expect(calls[1]?.init.body).toBe('{"a":1}');
    expect(calls[1]?.init.headers).toMatchObject({ "content-type": "application/json" });
  });

  it("can send a client token instead of the API key", async () => {
    const { fetch, calls } = fakeFetch(() => json({ success: true, data: {} }));
    const client = createAssetPayClient({ baseUrl: "http://127.0.0.1:9", apiKey: KEY, fetch });
    await client.request("/client/trades", z.unknown(), { auth: { authorization: "Bearer t" } });
    expect(calls[0]?.init.headers).toEqual({ accept: "application/json", authorization: "Bearer t" });
  });

  it("throws AssetPay's error key, code, status and joined message", async () => {
    const { fetch } = fakeFetch(() =>
      json({ requestId: "r2", success: false, error: { code: 1901, key: "INVALID_API_KEY", message: ["bad", "key"] } }, 401),
    );
    const client = createAssetPayClient({ baseUrl: "http://127.0.0.1:9", apiKey: KEY, fetch });
    const error = await caught(client.request("/secure/trades", z.unknown()));
    expect(error).toMatchObject({ key: "INVALID_API_KEY", code: 1901, httpStatus: 401, requestId: "r2", retryAfterSeconds: null });
    expect(error.message).toContain("bad; key");
  });

  it("honours Retry-After on RATE_LIMITED, in seconds or as a date", async () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    const limited = (retryAfter: string) =>
      json({ success: false, error: { code: 1005, key: "RATE_LIMITED", message: "slow down" } }, 429, { "retry-after": retryAfter });
    let answer = limited("17");
    const client = createAssetPayClient({ baseUrl: "http://127.0.0.1:9", apiKey: KEY, fetch: async () => answer, now: () => now });
    expect(await caught(client.request("/x", z.unknown()))).toMatchObject({ key: "RATE_LIMITED", httpStatus: 429, retryAfterSeconds: 17 });
    answer = limited("Thu, 01 Jan 2026 00:01:00 GMT");
    expect(await caught(client.request("/x", z.unknown()))).toMatchObject({ retryAfterSeconds: 60 });
  });

  it("names HTTP failures that came without an envelope", async () => {
    let answer = new Response("<html>busy</html>", { status: 429, headers: { "retry-after": "5" } });
    const client = createAssetPayClient({ baseUrl: "http://127.0.0.1:9", apiKey: KEY, fetch: async () => answer });
    expect(await caught(client.request("/x", z.unknown()))).toMatchObject({ key: "RATE_LIMITED", httpStatus: 429, retryAfterSeconds: 5 });
    answer = new Response("bad gateway", { status: 502 });
    expect(await caught(client.request("/x", z.unknown()))).toMatchObject({ key: "SERVER_ERROR", httpStatus: 502 });
    answer = new Response("not json", { status: 200 });
    expect(await caught(client.request("/x", z.unknown()))).toMatchObject({ key: "BAD_RESPONSE", httpStatus: 200 });
  });

  it("refuses data of an unexpected shape", async () => {
    const client = createAssetPayClient({
      baseUrl: "http://127.0.0.1:9",
      apiKey: KEY,
      fetch: async () => json({ success: true, data: { token: 42 } }),
    });
    const error = await caught(client.request("/auth/authenticate-client", z.object({ token: z.string() })));
    expect(error).toMatchObject({ key: "BAD_RESPONSE" });
    expect(error.message).toContain("at token");
  });

  it("turns network failures and timeouts into clear errors", async () => {
    const down = createAssetPayClient({
      baseUrl: "http://127.0.0.1:9",
      apiKey: KEY,
      fetch: async () => {
        throw new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:9") });
      },
    });
    const error = await caught(down.request("/x", z.unknown()));
    expect(error).toMatchObject({ key: "NETWORK_ERROR", httpStatus: null });
    expect(error.message).toMatch(/Could not reach AssetPay \(GET http:\/\/127\.0\.0\.1:9\/x\).*ECONNREFUSED/);

    const slow = createAssetPayClient({
      baseUrl: "http://127.0.0.1:9",
      apiKey: KEY,
      timeoutMs: 20,
      fetch: (_url, init) =>
        new Promise((_resolve, reject) => init.signal?.addEventListener("abort", () => reject(init.signal?.reason))),
    });
    expect(await caught(slow.request("/x", z.unknown()))).toMatchObject({ key: "TIMEOUT" });
  });

  it("really reaches a server (and reports a closed port)", async () => {
    const client = createAssetPayClient({ baseUrl: "http://127.0.0.1:1", apiKey: KEY });
    expect(await caught(client.request("/x", z.unknown()))).toMatchObject({ key: "NETWORK_ERROR" });
  });
});

describe("parseRetryAfter", () => {
  it.each([
    [null, null],
    ["", null],
    ["0", 0],
    ["120", 120],
    ["soon", null],
  ])("%j → %j", (value, expected) => {
    expect(parseRetryAfter(value, 0)).toBe(expected);
  });
});
