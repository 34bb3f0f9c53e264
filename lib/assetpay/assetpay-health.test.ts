import { describe, expect, it, vi } from "vitest";
import { HEALTH_CACHE_MS, createHealthReader, parseHealthBody } from "./assetpay-health";

const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });

describe("parseHealthBody", () => {
  it("reads maintenance.mode, bare or inside the envelope", () => {
    expect(parseHealthBody({ status: "ok", maintenance: { mode: false } })).toEqual({ maintenance: false });
    expect(parseHealthBody({ status: "maintenance", maintenance: { mode: true } })).toEqual({ maintenance: true });
    expect(parseHealthBody({ success: true, data: { status: "ok", maintenance: { mode: "scheduled" } } })).toEqual({ maintenance: true });
    expect(parseHealthBody({ status: "ok", maintenance: { mode: "off" } })).toEqual({ maintenance: false });
    expect(parseHealthBody({ status: "ok" })).toEqual({ maintenance: false });
    expect(parseHealthBody("<html>")).toBeNull();
  });
});

describe("createHealthReader", () => {
  it("asks AssetPay at most once per cache interval, sharing one request between concurrent askers", async () => {
    let now = 0;
    const fetch = vi.fn(async () => answer(503, { status: "maintenance", maintenance: { mode: true } }));
    const read = createHealthReader({ apiUrl: "http://sim.local/", fetch, now: () => now });
    const [a, b] = await Promise.all([read(), read()]);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith("http://sim.local/health", expect.anything());
    expect(a).toMatchObject({ maintenance: true, reachable: true });
    expect(b).toBe(a);
    now = HEALTH_CACHE_MS - 1;
    await read();
    expect(fetch).toHaveBeenCalledTimes(1);
    now = HEALTH_CACHE_MS + 1;
    await read();
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("reports an unreachable AssetPay as not in maintenance", async () => {
    const read = createHealthReader({ apiUrl: "http://sim.local", fetch: async () => Promise.reject(new Error("ECONNREFUSED")) });
    expect(await read()).toMatchObject({ maintenance: false, reachable: false });
  });
});
