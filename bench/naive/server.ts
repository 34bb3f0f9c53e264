// Serves the naive baseline page: bundles naive-app.tsx (see ../bundle.ts) and answers /config (where the socket is, a client token) and /initial (the trades
// the simulator holds, so the baseline starts with the same 100,000 trades the board has ingested).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { bundleForBrowser } from "../bundle";

export interface NaiveServer {
  url: string;
  close(): Promise<void>;
}

export interface NaiveServerOptions {
  socketUrl: string;
  /** A client token the simulator accepts. */
  token: () => Promise<string>;
  /** The wire trades to start with (JSON array text). */
  initialTrades: () => Promise<string>;
}

export async function startNaiveServer(options: NaiveServerOptions): Promise<NaiveServer> {
  const script = await bundleForBrowser('import "./naive-app";', __dirname);
  // Read once: every page load starts from the same trades.
  let initial: Promise<string> | null = null;
  const html = '<!doctype html><html><head><meta charset="utf-8"><title>Naive baseline</title></head><body><div id="root"></div><script src="/app.js"></script></body></html>';
  const server: Server = createServer((req, res) => {
    void (async () => {
      try {
        if (req.url === "/") res.writeHead(200, { "content-type": "text/html" }).end(html);
        else if (req.url === "/app.js") res.writeHead(200, { "content-type": "text/javascript" }).end(script);
        else if (req.url === "/config") res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ socketUrl: options.socketUrl, token: await options.token() }));
        else if (req.url === "/initial") res.writeHead(200, { "content-type": "application/json" }).end(await (initial ??= options.initialTrades()));
        else res.writeHead(404).end();
      } catch (error) {
        res.writeHead(500).end(String(error));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
