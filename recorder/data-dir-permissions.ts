// The recorder's data directory holds customers' Steam IDs, trade URLs and crypto addresses (PGlite)
// and the loopback API's secret, so only its owner may enter it: it is created 0700, and an existing
// directory that its group or other users can read or enter is refused (with the fix in the message)
// rather than silently used. The recorder also sets umask 077, so every file it creates is 0600; PGlite
// sets its files' modes itself (0666), so the recorder tightens them after opening and then regularly.
import "server-only";
import { chmodSync, lstatSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export class DataDirPermissionError extends Error {}

/**
 * Creates `dataDir` (0700) or checks that an existing one is private; throws DataDirPermissionError.
 * `refuseShared: false` (PostgreSQL mode: the directory then holds only the 0600 endpoint file) only creates.
 */
export function preparePrivateDataDir(dataDir: string, { refuseShared = true }: { refuseShared?: boolean } = {}): void {
  const dir = path.resolve(dataDir);
  let mode: number;
  try {
    mode = statSync(dir).mode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    mode = statSync(dir).mode;
  }
  if (refuseShared && (mode & 0o077) !== 0) {
    throw new DataDirPermissionError(
      `RECORDER_DATA_DIR: ${dir} is accessible to other users (mode ${(mode & 0o777).toString(8).padStart(4, "0")}); ` +
        `it holds customers' data: run \`chmod 700 ${dir}\` and start again`,
    );
  }
}

/** Every file under `dir` to 0600 and directory to 0700 (symlinks untouched); the count it changed. */
export function tightenModes(dir: string): number {
  let changed = 0;
  const visit = (where: string) => {
    const stat = lstatSync(where);
    if (stat.isSymbolicLink()) return;
    const wanted = stat.isDirectory() ? 0o700 : 0o600;
    if ((stat.mode & 0o777) !== wanted) {
      chmodSync(where, wanted);
      changed += 1;
    }
    if (stat.isDirectory()) for (const name of readdirSync(where)) visit(path.join(where, name));
  };
  visit(path.resolve(dir));
  return changed;
}
