// PGlite is single-process: two processes opening one data directory corrupt it. The recorder takes
// this lock (a pid file, created exclusively) before opening PGlite and refuses to start while another
// live process holds it. A lock left by a crashed recorder (dead pid) is taken over.
import "server-only";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const LOCK_FILE = "recorder.lock";

export class DataDirLockedError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function lockDataDir(dataDir: string): { release(): void } {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx", mode: 0o600 });
      return {
        release: () => {
          const holder = Number.parseInt(readFileSync(file, "utf8"), 10);
          if (holder === process.pid) rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number.parseInt(readFileSync(file, "utf8").trim(), 10);
      // Our own pid there is a leftover of an earlier process that had it (a container restarts with
      // the same low pids), never a live second recorder.
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
        throw new DataDirLockedError(
          `RECORDER_DATA_DIR: ${path.resolve(dataDir)} is in use by another recorder (pid ${holder}); ` +
            "PGlite allows one process per directory — stop it, choose another directory, or use DATABASE_URL (PostgreSQL)",
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new DataDirLockedError(`RECORDER_DATA_DIR: could not lock ${path.resolve(dataDir)}`);
}
