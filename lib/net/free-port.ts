// TCP ports on this machine, for the tools that start servers: `npm start` (scripts/start.ts), the
// end-to-end tests and benchmarks (e2e/support), and test databases (lib/db/testing). Node-only; never
// imported by app code.
import { createServer } from "node:net";

/** A port the operating system reports free on `host` right now (another process may take it before you do). */
export function freePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("could not read the free port"));
      });
    });
  });
}

/** Whether `port` on `host` can be listened on right now. */
export function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}
