// bcrypt off the main thread. bcryptjs is pure JavaScript: a cost-12 compare is ~200 ms of CPU, and on
// the server's main thread every sign-in attempt stalled every other request (8 clients guessing
// passwords pushed an authenticated route's p50 from 10 ms to ~900 ms). Compares and hashes run in a
// small pool of worker threads instead; the main thread only posts messages. If the worker cannot be
// started (bcryptjs not resolvable from the working directory), bcrypt runs in-thread as before.
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import bcrypt from "bcryptjs";

export interface PasswordHasher {
  compare(password: string, hash: string): Promise<boolean>;
  hash(password: string, cost: number): Promise<string>;
}

/** bcryptjs on the calling thread (tests, and the fallback). */
export const inThreadHasher: PasswordHasher = {
  compare: (password, hash) => bcrypt.compare(password, hash),
  hash: (password, cost) => bcrypt.hash(password, cost),
};

// Plain CommonJS run by the worker; bcryptjs is required by absolute path (an eval'd worker resolves
// modules from the working directory, and the app's bundle has no path of its own to offer).
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const bcrypt = require(workerData.bcryptPath);
parentPort.on("message", ({ id, op, password, target }) => {
  try {
    const result = op === "compare" ? bcrypt.compareSync(password, target) : bcrypt.hashSync(password, target);
    parentPort.postMessage({ id, result });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
`;

type Task = { op: "compare"; password: string; target: string } | { op: "hash"; password: string; target: number };
type Reply = { id: number; result?: boolean | string; error?: string };

interface Pending {
  task: Task;
  resolve: (value: boolean | string) => void;
  reject: (error: Error) => void;
}

class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly queue: (Pending & { id: number })[] = [];
  private readonly running = new Map<number, Pending>();
  private nextId = 1;

  constructor(bcryptPath: string, size: number) {
    for (let index = 0; index < size; index += 1) this.idle.push(this.spawn(bcryptPath));
  }

  run(task: Task): Promise<boolean | string> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject });
      this.dispatch();
    });
  }

  private spawn(bcryptPath: string): Worker {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { bcryptPath } });
    worker.unref(); // never keeps a process (a test, a script) alive
    worker.on("message", (reply: Reply) => {
      const pending = this.running.get(reply.id);
      this.running.delete(reply.id);
      this.idle.push(worker);
      if (pending) {
        if (reply.error !== undefined || reply.result === undefined) pending.reject(new Error(reply.error ?? "no result"));
        else pending.resolve(reply.result);
      }
      this.dispatch();
    });
    worker.on("error", (error) => console.error(`[bcrypt-pool] worker failed: ${error.message}`));
    return worker;
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop();
      const next = this.queue.shift();
      if (!worker || !next) return;
      this.running.set(next.id, next);
      worker.postMessage({ id: next.id, ...next.task });
    }
  }
}

function bcryptPath(): string | null {
  try {
    return createRequire(path.join(process.cwd(), "package.json")).resolve("bcryptjs");
  } catch {
    return null;
  }
}

/** One worker per spare core, at most two: bcrypt must not take the cores the server answers on. */
export function workerHasher(size = Math.max(1, Math.min(2, availableParallelism() - 1))): PasswordHasher {
  const resolved = bcryptPath();
  if (!resolved) {
    console.warn("[bcrypt-pool] bcryptjs not found from the working directory; checking passwords on the main thread");
    return inThreadHasher;
  }
  const pool = new WorkerPool(resolved, size);
  return {
    compare: async (password, hash) => (await pool.run({ op: "compare", password, target: hash })) === true,
    hash: async (password, cost) => String(await pool.run({ op: "hash", password, target: cost })),
  };
}
