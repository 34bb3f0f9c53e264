// Whether the production build in .next/ still matches the sources, judged by modification times: the
// build is stale when .next/BUILD_ID is missing or any source file is newer than it.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCE_DIRS = ["app", "components", "lib"];
const SOURCE_FILES = ["next.config.js", "package.json", "proxy.ts", "instrumentation.ts", "postcss.config.mjs", "tsconfig.json"];
/** Unit tests live beside the code but are not part of the build. */
const NOT_BUILT = /\.test\.tsx?$/;

function newestIn(dir: string): { file: string; mtimeMs: number } | null {
  let newest: { file: string; mtimeMs: number } | null = null;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const candidate = entry.isDirectory()
      ? newestIn(full)
      : entry.isFile() && !NOT_BUILT.test(entry.name)
        ? { file: full, mtimeMs: statSync(full).mtimeMs }
        : null;
    if (candidate && (!newest || candidate.mtimeMs > newest.mtimeMs)) newest = candidate;
  }
  return newest;
}

export type BuildState = { stale: false } | { stale: true; reason: string };

export function buildState(root: string): BuildState {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return { stale: true, reason: "no production build yet" };
  const builtAt = statSync(buildId).mtimeMs;
  for (const dir of SOURCE_DIRS) {
    const full = path.join(root, dir);
    const newest = existsSync(full) ? newestIn(full) : null;
    if (newest && newest.mtimeMs > builtAt) return { stale: true, reason: `${path.relative(root, newest.file)} changed since the last build` };
  }
  for (const file of SOURCE_FILES) {
    const full = path.join(root, file);
    if (existsSync(full) && statSync(full).mtimeMs > builtAt) return { stale: true, reason: `${file} changed since the last build` };
  }
  return { stale: false };
}
