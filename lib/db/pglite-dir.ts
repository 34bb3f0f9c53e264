// Where in RECORDER_DATA_DIR the recorder keeps its PGlite database. Apart from ./pglite so the app can
// ask whether a store exists there without loading PGlite itself.
import path from "node:path";

export function pgliteDirIn(dataDir: string): string {
  return path.join(dataDir, "pglite");
}
