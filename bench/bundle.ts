// Bundles a bench-only browser script with esbuild (tsx's own dependency; the app never uses it) into
// one self-contained IIFE: the naive baseline page, and the in-page instruments (a serialized
// function would lose the helpers esbuild's keepNames adds, so those are bundled too).
import path from "node:path";
import { build } from "esbuild";

const ROOT = path.resolve(__dirname, "..");

/** `source` is TypeScript/TSX resolved from `dir` (imports like "@/lib/…" work via tsconfig paths). */
export async function bundleForBrowser(source: string, dir: string): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir: dir, sourcefile: "bench-entry.tsx", loader: "tsx" },
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    jsx: "automatic",
    tsconfig: path.join(ROOT, "tsconfig.json"),
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "silent",
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error("esbuild produced nothing");
  return file.text;
}
