// Whether the production build in .next/ still matches the sources, judged by modification times: the
// build is stale when .next/BUILD_ID is missing or any source file is newer than it.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** The app's code: everything under these folders goes into the build. */
const SOURCE_DIRS = ["app", "components", "lib"];
/**
 * Next.js picks up root-level files by name (proxy.ts, instrumentation-client.ts, next.config.js,
 * postcss.config.mjs, ...), and a hard-coded list of them once watched an `instrumentation.ts` that
 * did not exist while the real file went unwatched. So every root-level code or config file counts,
 * whatever its name; a needless rebuild costs a minute, a stale build serves old code.
 */
const ROOT_SOURCE = /\.(?:[cm]?[jt]sx?|json)$/;
/** Unit tests live beside the code, and the test runners' configs at the root; neither is built. */
const NOT_BUILT = /\.test\.tsx?$|^(?:playwright|vitest)\.config\.[cm]?[jt]s$/;

interface Newest {
  file: string;
  mtimeMs: number;
}

function newer(a: Newest | null, b: Newest | null): Newest | null {
  return !a || (b && b.mtimeMs > a.mtimeMs) ? b : a;
}

function newestIn(dir: string): Newest | null {
  let newest: Newest | null = null;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const candidate = entry.isDirectory()
      ? newestIn(full)
      : entry.isFile() && !NOT_BUILT.test(entry.name)
        ? { file: full, mtimeMs: statSync(full).mtimeMs }
        : null;
    newest = newer(newest, candidate);
  }
  return newest;
}

function newestAtRoot(root: string): Newest | null {
  let newest: Newest | null = null;
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isFile() || !ROOT_SOURCE.test(entry.name) || NOT_BUILT.test(entry.name)) continue;
    const full = path.join(root, entry.name);
    newest = newer(newest, { file: full, mtimeMs: statSync(full).mtimeMs });
  }
  return newest;
}

export type BuildState = { stale: false } | { stale: true; reason: string };

export function buildState(root: string): BuildState {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return { stale: true, reason: "no production build yet" };
  const builtAt = statSync(buildId).mtimeMs;
  const sources = [...SOURCE_DIRS.map((dir) => path.join(root, dir)).filter((dir) => existsSync(dir)).map(newestIn), newestAtRoot(root)];
  for (const newest of sources) {
    if (newest && newest.mtimeMs > builtAt) return { stale: true, reason: `${path.relative(root, newest.file)} changed since the last build` };
  }
  return { stale: false };
}
