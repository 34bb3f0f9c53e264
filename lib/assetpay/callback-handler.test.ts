import { describe, expect, it } from "vitest";
import { wireTrade } from "@/lib/trades/test-fixtures";
import type { CallbackDelivery, CallbackOutcome } from "./callback-delivery";
import { type CallbackHandlerDeps, handleForwardedCallback, MAX_CALLBACK_BYTES } from "./callback-handler";
import { signatureHeader } from "./callback-signature";

const TOKEN = "forward-token-0123456789abcdefghijklmnop";
const SECRET = "api-secret-for-callbacks";
const NOW = Date.parse("2026-05-01T10:00:00.000Z");

/** The recorder stand-in: remembers delivery ids like the real intake. */
function setup(overrides: Partial<CallbackHandlerDeps> = {}) {
  const delivered: CallbackDelivery[] = [];
  const seen = new Set<string>();
  const deps: CallbackHandlerDeps = {
    forwardToken: TOKEN,
    apiSecret: SECRET,
    now: () => NOW,
    log: () => undefined,
    deliver: async (delivery): Promise<CallbackOutcome> => {
      if (seen.has(delivery.deliveryId)) return { outcome: "duplicate" };
      seen.add(delivery.deliveryId);
      delivered.push(delivery);
      return { outcome: delivery.body.kind === "trade" ? "recorded" : "unrecorded" };
    },
    ...overrides,
  };
  return { deps, delivered };
}

function post(body: string, headers: Record<string, string>): Request {
  return new Request("http://127.0.0.1/api/assetpay/callbacks", { method: "POST", body, headers });
}

function signed(body: string, options: { id?: string; t?: string; secret?: string; bearer?: string | null } = {}): Request {
  const t = options.t ?? new Date(NOW).toISOString();
  const headers: Record<string, string> = { "x-assetpay-signature": signatureHeader(options.secret ?? SECRET, options.id ?? "dlv_1", t, Buffer.from(body)) };
  if (options.bearer !== null) headers.authorization = `Bearer ${options.bearer ?? TOKEN}`;
  return post(body, headers);
}

const tradeBody = JSON.stringify({ trade: wireTrade({ id: "t-1", status: "hold" }) });

describe("POST /api/assetpay/callbacks", () => {
  it("records a signed trade callback (202) and answers its replay with 200, delivering it once", async () => {
    const { deps, delivered } = setup();
    const first = await handleForwardedCallback(signed(tradeBody), deps);
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ deliveryId: "dlv_1", outcome: "recorded" });
    const replay = await handleForwardedCallback(signed(tradeBody), deps);
    expect(replay.status).toBe(200);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({ deliveryId: "dlv_1", receivedAtMs: NOW, body: { kind: "trade", payload: JSON.parse(tradeBody) } });
  });

  it("does not exist without CALLBACK_FORWARD_TOKEN", async () => {
    const { deps, delivered } = setup({ forwardToken: null });
    expect((await handleForwardedCallback(signed(tradeBody), deps)).status).toBe(404);
    expect(delivered).toHaveLength(0);
  });

  it("refuses a missing or wrong bearer with 401 before reading anything", async () => {
    const { deps, delivered } = setup();
    expect((await handleForwardedCallback(signed(tradeBody, { bearer: null }), deps)).status).toBe(401);
    expect((await handleForwardedCallback(signed(tradeBody, { bearer: `${TOKEN}x` }), deps)).status).toBe(401);
    expect((await handleForwardedCallback(signed(tradeBody, { bearer: "short" }), deps)).status).toBe(401);
    expect(delivered).toHaveLength(0);
  });

  it("refuses forged, stale and unsigned callbacks with a JSON 400, recording nothing", async () => {
    const { deps, delivered } = setup();
    const forged = await handleForwardedCallback(signed(tradeBody, { secret: "not-the-merchant-secret" }), deps);
    expect(forged.status).toBe(400);
    expect(await forged.json()).toMatchObject({ error: { code: "bad_signature" } });
    const stale = await handleForwardedCallback(signed(tradeBody, { t: new Date(NOW - 301_000).toISOString() }), deps);
    expect(stale.status).toBe(400);
    expect(await stale.json()).toMatchObject({ error: { code: "stale_signature" } });
    const unsigned = await handleForwardedCallback(post(tradeBody, { authorization: `Bearer ${TOKEN}` }), deps);
    expect(unsigned.status).toBe(400);
    // A body changed after signing: the signature was over other bytes.
    const request = signed(tradeBody);
    const tampered = post(tradeBody.replace('"hold"', '"completed"'), Object.fromEntries(request.headers));
    expect((await handleForwardedCallback(tampered, deps)).status).toBe(400);
    expect(delivered).toHaveLength(0);
  });

  it("refuses a signed body that is no callback with 400, and accepts end-user crypto as unrecorded", async () => {
    const { deps, delivered } = setup();
    const junk = await handleForwardedCallback(signed('{"hello":1}'), deps);
    expect(junk.status).toBe(400);
    expect(await junk.json()).toMatchObject({ error: { code: "malformed_body" } });
    expect((await handleForwardedCallback(signed('{"trade":{"id":"t-1"}}', { id: "dlv_2" }), deps)).status).toBe(400);
    expect(delivered).toHaveLength(0);
    const crypto = await handleForwardedCallback(signed('{"deposit":{"id":"d-1","status":"pending"}}', { id: "dlv_3" }), deps);
    expect(crypto.status).toBe(202);
    expect(delivered.map((d) => d.body)).toEqual([{ kind: "unrecorded", name: "deposit" }]);
  });

  it("refuses a body over 1 MB with 413", async () => {
    const { deps, delivered } = setup();
    const big = JSON.stringify({ trade: wireTrade({ id: "t-1", note: "x".repeat(MAX_CALLBACK_BYTES) }) });
    expect((await handleForwardedCallback(signed(big), deps)).status).toBe(413);
    expect(delivered).toHaveLength(0);
  });

  it("cannot verify without ASSETPAY_API_SECRET and says so (503)", async () => {
    const { deps } = setup({ apiSecret: null });
    expect((await handleForwardedCallback(signed(tradeBody), deps)).status).toBe(503);
  });
});
