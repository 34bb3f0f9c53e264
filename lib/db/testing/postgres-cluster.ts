// A throwaway PostgreSQL cluster for tests: initdb into a temp dir, serve on a free 127.0.0.1 port with
// durability off, delete everything on stop. Uses Debian's `postgresql` server binaries (.ci/run
// installs them when missing). As root it runs the server as the `postgres` user, as Postgres refuses
// to run as root. Test-only: never imported by the app or the recorder. No `server-only`: Playwright's
// global setup imports it too.
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { freePort } from "../../net/free-port";

export type PostgresAvailability = { ok: true; binDir: string; runAs: { uid: number; gid: number } | null } | { ok: false; reason: string };

function versionOf(dir: string): number {
  return Number.parseInt(path.basename(path.dirname(dir)), 10) || 0;
}

function findBinDir(): string | null {
  const fromEnv = process.env.PG_BIN_DIR;
  if (fromEnv && existsSync(path.join(fromEnv, "initdb"))) return fromEnv;
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const dirs = readdirSync(debian)
      .map((version) => path.join(debian, version, "bin"))
      .filter((dir) => existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "pg_ctl")))
      .sort((a, b) => versionOf(b) - versionOf(a));
    if (dirs[0]) return dirs[0];
  }
  const which = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" });
  const initdb = which.status === 0 ? which.stdout.trim() : "";
  return initdb ? path.dirname(initdb) : null;
}

function postgresUser(): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : null;
  } catch {
    return null;
  }
}

/** Whether this machine can start a throwaway cluster, and if not, why (one line). */
export function postgresAvailability(): PostgresAvailability {
  const binDir = findBinDir();
  if (!binDir) {
    return { ok: false, reason: "no PostgreSQL server binaries (initdb) found; install Debian's `postgresql` package or set PG_BIN_DIR" };
  }
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) return { ok: true, binDir, runAs: null };
  const runAs = postgresUser();
  if (!runAs) return { ok: false, reason: "running as root but there is no `postgres` user to run the server as" };
  if (!existsSync("/usr/sbin/runuser") && !existsSync("/sbin/runuser") && spawnSync("sh", ["-c", "command -v runuser"]).status !== 0) {
    return { ok: false, reason: "running as root but `runuser` is missing" };
  }
  return { ok: true, binDir, runAs };
}

/**
 * For test files: whether to run the PostgreSQL variants. Unavailable on a developer machine → skip
 * with the reason printed; unavailable in CI (CI=true) → throw, because CI must test PostgreSQL.
 */
export function postgresTestGate(): { run: boolean; reason: string } {
  const availability = postgresAvailability();
  if (availability.ok) return { run: true, reason: "" };
  if (process.env.CI) throw new Error(`PostgreSQL tests cannot run in CI: ${availability.reason}`);
  return { run: false, reason: `SKIPPING PostgreSQL tests: ${availability.reason}` };
}

export interface PostgresCluster {
  /** The `postgres` database of the cluster (superuser `postgres`, trust auth on 127.0.0.1). */
  url: string;
  port: number;
  /** A new empty database; returns its URL. */
  createDatabase(name?: string): Promise<string>;
  stop(): Promise<void>;
}

let databaseCounter = 0;

export async function startThrowawayPostgres(): Promise<PostgresCluster> {
  const availability = postgresAvailability();
  if (!availability.ok) throw new Error(availability.reason);
  const { binDir, runAs } = availability;
  const dir = mkdtempSync(path.join(os.tmpdir(), "assetpay-pg-"));
  const dataDir = path.join(dir, "data");
  if (runAs) chownSync(dir, runAs.uid, runAs.gid);
  const run = (binary: string, args: string[]) => {
    const command = runAs ? "runuser" : path.join(binDir, binary);
    const argv = runAs ? ["-u", "postgres", "--", path.join(binDir, binary), ...args] : args;
    const result = spawnSync(command, argv, { encoding: "utf8", cwd: dir });
    if (result.status !== 0) throw new Error(`${binary} failed: ${(result.stderr || result.stdout || String(result.error)).trim().slice(-500)}`);
  };

  run("initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
  const port = await freePort();
  const options = `-k ${dir} -h 127.0.0.1 -p ${port} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`;
  run("pg_ctl", ["-D", dataDir, "-l", path.join(dir, "server.log"), "-o", options, "-w", "-t", "60", "start"]);

  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    try {
      run("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
    } catch {
      // already down
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // A crashed or interrupted test run must not leave a server behind.
  process.once("exit", stopSync);

  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    async createDatabase(name) {
      databaseCounter += 1;
      const database = name ?? `test_${process.pid}_${databaseCounter}`;
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(database)) throw new Error(`bad database name ${database}`);
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${database}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${database}`;
    },
    async stop() {
      process.removeListener("exit", stopSync);
      stopSync();
    },
  };
}
