// The simulator's signed callbacks against a local receiver: one POST per trade change, each with its
// own delivery id, a signature that verifies on the raw body with the API secret, retries of a refused
// delivery with the same id, and the bearer a forwarder would add.
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { RunningSimulator } from "./server";
import { control, startTestSim, waitFor } from "./testing/helpers";

interface Received {
  signature: string;
  authorization: string | undefined;
  body: string;
}

async function receiver(answer: (count: number) => number): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ signature: String(req.headers["x-assetpay-signature"]), authorization: req.headers.authorization, body: Buffer.concat(chunks).toString() });
      res.writeHead(answer(received.length)).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
}

function parts(header: string): Record<string, string> {
  return Object.fromEntries(header.split(",").map((part) => part.split("=", 2) as [string, string]));
}

describe("simulator callbacks", () => {
  let sim: RunningSimulator | null = null;
  let server: Server | null = null;
  afterEach(async () => {
    await sim?.close();
    server?.close();
  });

  it("signs each trade change with a fresh delivery id, verifiable on the raw body", async () => {
    const hook = await receiver(() => 200);
    server = hook.server;
    sim = await startTestSim({ callbackUrl: hook.url, callbackBearer: "forward-bearer" });
    const trade = await control(sim, "trades", { status: "initiated" });
    await control(sim, `trades/${trade.id}/status`, { status: "active" });
    await waitFor(() => hook.received.length >= 2, 5_000, "two callbacks");
    const ids = new Set<string>();
    for (const delivery of hook.received) {
      const { t, id, s } = parts(delivery.signature);
      ids.add(String(id));
      const expected = createHmac("sha256", sim.apiSecret).update(`${id}.${t}.${delivery.body}`).digest("hex");
      expect(s).toBe(expected);
      expect(Math.abs(Date.now() - Date.parse(String(t)))).toBeLessThan(60_000);
      expect(delivery.authorization).toBe("Bearer forward-bearer");
      expect(JSON.parse(delivery.body).trade.id).toBe(trade.id);
    }
    expect(ids.size).toBe(2);
    expect(hook.received.map((d) => JSON.parse(d.body).trade.status)).toEqual(["initiated", "active"]);
  });

  it("retries a refused delivery with the same delivery id", async () => {
    const hook = await receiver((count) => (count === 1 ? 503 : 202));
    server = hook.server;
    sim = await startTestSim({ callbackUrl: hook.url });
    await control(sim, "trades", { status: "hold" });
    await waitFor(() => hook.received.length >= 2, 5_000, "a retry");
    const [first, second] = hook.received.map((d) => parts(d.signature).id);
    expect(second).toBe(first);
    expect(hook.received[0]?.authorization).toBeUndefined();
    await sim.callbacks.idle();
    expect(sim.callbacks.stats()).toMatchObject({ delivered: 1, retries: 1, failed: 0, pending: 0 });
  });

  it("sends nothing until a target is set through the control API", async () => {
    const hook = await receiver(() => 200);
    server = hook.server;
    sim = await startTestSim();
    await control(sim, "trades", { status: "hold" });
    await control(sim, "callbacks", { url: hook.url });
    await control(sim, "trades", { status: "active" });
    await waitFor(() => hook.received.length >= 1, 5_000, "a callback");
    expect(hook.received.map((d) => JSON.parse(d.body).trade.status)).toEqual(["active"]);
  });
});
