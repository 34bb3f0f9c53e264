// The recorder's loopback API, on 127.0.0.1, on a random port, behind a random bearer secret compared in
// constant time; where to find it is announced in the data directory (lib/db/recorder-endpoint.ts).
// With PGlite the recorder owns the embedded database, so it answers the app's reads (snapshot, one
// trade's history, health) here. With either storage it takes the writes that must go through the
// recorder's own writer (forwarded callbacks the app has verified, POST /callbacks; backfill imports,
// POST /import), holds the AssetPay budget the dashboard spends, takes coalesced reconcile requests
// and answers a resync's recorded state (./on-demand-api). Never listens beyond loopback.
import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Database } from "@/lib/db/database";
import { healthReportOf, historyOf, snapshotOf } from "@/lib/db/recorded-reads";
import { type RecorderEndpoint, removeRecorderEndpoint, writeRecorderEndpoint } from "@/lib/db/recorder-endpoint";
import { callbackDeliverySchema } from "@/lib/assetpay/callback-delivery";
import { type BackfillSummary, backfillRequestSchema } from "@/lib/recorded/backfill-summary";
import { runTeamCall, teamCallSchema } from "@/lib/db/team-calls";
import { MAX_ID_LENGTH } from "@/lib/wire/field-schemas";
import { type CallbackIntake, CallbackWriteError } from "./callback-intake";
import { handleOnDemand, type OnDemand } from "./on-demand-api";

/** A forwarded callback is capped at 1 MB by the app; an import request holds at most 1,000 refs. */
const MAX_WRITE_BODY_BYTES = 2 * 1024 * 1024;
/** A team call is at most a 2,000-character note and a few ids. */
const MAX_TEAM_BODY_BYTES = 32 * 1024;

export interface RecorderWrites {
  callbacks: CallbackIntake;
  backfill(refs: readonly string[]): Promise<BackfillSummary>;
}

export interface InternalApi {
  endpoint: RecorderEndpoint;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(json);
}

/** The body as text, or null when it is over `limit` bytes (the rest is not read). */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
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
  writes: RecorderWrites;
  /** PostgreSQL: the app reads the database itself, so only the writes are served. */
  serveReads?: boolean;
  /** The budget and the coalesced reconcile; without it only the reads are served. */
  onDemand?: OnDemand;
}): Promise<InternalApi> {
  const serveReads = options.serveReads ?? true;
  const secretText = randomBytes(32).toString("base64url");
  const secret = Buffer.from(secretText);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!authorized(req, secret)) return send(res, 401, { error: { code: "unauthorized", message: "bad or missing bearer secret" } });
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (req.method === "POST" && (url.pathname === "/callbacks" || url.pathname === "/import")) return handleWrite(req, res, url.pathname);
    if (req.method === "POST" && url.pathname === "/team") return handleTeam(req, res);
    if (req.method === "POST") {
      const answer = await handleOnDemand(url.pathname, url, req, options.db, options.onDemand);
      return answer ? send(res, answer.status, answer.body) : send(res, 404, { error: { code: "not_found", message: "no such route" } });
    }
    if (req.method !== "GET") return send(res, 405, { error: { code: "method", message: "GET or POST only" } });
    if (!serveReads) return send(res, 404, { error: { code: "not_found", message: "reads come from PostgreSQL" } });
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

  /** Alerts and the team queue (lib/db/team-calls.ts): the app's routes with PGlite. */
  async function handleTeam(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!serveReads) return send(res, 404, { error: { code: "not_found", message: "team calls go to PostgreSQL" } });
    const text = await readBody(req, MAX_TEAM_BODY_BYTES);
    if (text === null) return send(res, 413, { error: { code: "too_large", message: `body over ${MAX_TEAM_BODY_BYTES} bytes` } });
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    const call = teamCallSchema.safeParse(json);
    if (!call.success) return send(res, 400, { error: { code: "bad_call", message: "not a team call" } });
    return send(res, 200, await runTeamCall(options.db, call.data));
  }

  async function handleWrite(req: IncomingMessage, res: ServerResponse, route: "/callbacks" | "/import"): Promise<void> {
    const text = await readBody(req, MAX_WRITE_BODY_BYTES);
    if (text === null) return send(res, 413, { error: { code: "too_large", message: `body over ${MAX_WRITE_BODY_BYTES} bytes` } });
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    if (route === "/callbacks") {
      const delivery = callbackDeliverySchema.safeParse(json);
      if (!delivery.success) return send(res, 400, { error: { code: "bad_delivery", message: "not a callback delivery" } });
      try {
        return send(res, 200, await options.writes.callbacks.ingest(delivery.data));
      } catch (error) {
        if (error instanceof CallbackWriteError) return send(res, 503, { error: { code: "not_written", message: error.message } });
        throw error;
      }
    }
    const request = backfillRequestSchema.safeParse(json);
    if (!request.success) return send(res, 400, { error: { code: "bad_refs", message: "expected { refs: [1..1000 trade ids or externalIds] }" } });
    return send(res, 200, await options.writes.backfill(request.data.refs));
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
  options.log(
    serveReads
      ? `serving the app's reads and writes on ${endpoint.url} (PGlite mode; endpoint file in ${options.dataDir})`
      : `serving forwarded callbacks and imports on ${endpoint.url} (endpoint file in ${options.dataDir})`,
  );

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
