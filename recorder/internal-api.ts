// The recorder's loopback API for its dashboard, over HTTP on 127.0.0.1, on a random port, behind a
// random bearer secret compared in constant time. Where to find it is announced in the data directory
// (lib/db/recorder-endpoint.ts). With PGlite the recorder owns the embedded database, so it answers the
// app's reads (snapshot, one trade's history, health, a resync's recorded state); in both storage modes
// it holds the AssetPay budget the dashboard spends and takes coalesced reconcile requests
// (./on-demand-api). It never writes trades, and never listens beyond loopback.
import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Database } from "@/lib/db/database";
import { healthReportOf, historyOf, snapshotOf } from "@/lib/db/recorded-reads";
import { type RecorderEndpoint, removeRecorderEndpoint, writeRecorderEndpoint } from "@/lib/db/recorder-endpoint";
import { MAX_ID_LENGTH } from "@/lib/wire/field-schemas";
import { handleOnDemand, type OnDemand } from "./on-demand-api";

export interface InternalApi {
  endpoint: RecorderEndpoint;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(json);
}

function authorized(req: IncomingMessage, secret: Buffer): boolean {
  const header = req.headers.authorization ?? "";
  const given = Buffer.from(header.startsWith("Bearer ") ? header.slice(7) : "");
  return given.length === secret.length && timingSafeEqual(given, secret);
}

export async function startInternalApi(options: {
  db: Database;
  dataDir: string;
  snapshotTerminalTrades: number;
  log: (line: string) => void;
  /** The budget and the coalesced reconcile; without it only the reads are served. */
  onDemand?: OnDemand;
}): Promise<InternalApi> {
  const secretText = randomBytes(32).toString("base64url");
  const secret = Buffer.from(secretText);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!authorized(req, secret)) return send(res, 401, { error: { code: "unauthorized", message: "bad or missing bearer secret" } });
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (req.method === "POST") {
      const answer = await handleOnDemand(url.pathname, url, req, options.db, options.onDemand);
      return answer ? send(res, answer.status, answer.body) : send(res, 404, { error: { code: "not_found", message: "no such route" } });
    }
    if (req.method !== "GET") return send(res, 405, { error: { code: "method", message: "GET or POST only" } });
    if (url.pathname === "/snapshot") return send(res, 200, await snapshotOf(options.db, options.snapshotTerminalTrades));
    if (url.pathname === "/health") return send(res, 200, await healthReportOf(options.db));
    const history = /^\/trades\/([^/]+)\/history$/.exec(url.pathname);
    if (history?.[1]) {
      let id: string;
      try {
        id = decodeURIComponent(history[1]);
      } catch {
        return send(res, 400, { error: { code: "bad_id", message: "malformed trade id" } });
      }
      if (id.length === 0 || id.length > MAX_ID_LENGTH) return send(res, 400, { error: { code: "bad_id", message: "bad trade id" } });
      return send(res, 200, await historyOf(options.db, id));
    }
    return send(res, 404, { error: { code: "not_found", message: "no such route" } });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.log(`internal API error on ${req.method} ${req.url?.split("?")[0]}: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) send(res, 500, { error: { code: "database", message: "the recorder could not read its database" } });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const endpoint: RecorderEndpoint = { url: `http://127.0.0.1:${port}`, secret: secretText, pid: process.pid };
  writeRecorderEndpoint(options.dataDir, endpoint);
  options.log(`serving the app on ${endpoint.url} (endpoint file in ${options.dataDir})`);

  return {
    endpoint,
    close: () =>
      new Promise<void>((resolve) => {
        removeRecorderEndpoint(options.dataDir, process.pid);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
