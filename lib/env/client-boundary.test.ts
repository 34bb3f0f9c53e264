// Settings must never reach the browser bundle: no module that runs in the browser ("use client" modules,
// instrumentation-client.ts, and everything they import, transitively) may import lib/env. Type-only
// imports are erased at build time and carry no values, so they are not followed.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const SOURCE_DIRS = ["app", "components", "lib"];
const BROWSER_ENTRIES_WITHOUT_DIRECTIVE = ["instrumentation-client.ts"];
const SERVER_ENV = "lib/env/";

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

/** A "use client" directive: the first statement, after comments only. */
const USE_CLIENT = /^(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*["']use client["']/;
/** Static imports and re-exports with a value (not `import type` / `export type`), side-effect imports, import(). */
const STATIC_IMPORT = /(?:^|[\n;])\s*(?:import|export)\s+(?!type[\s{])(?:[^'";]*?\bfrom\s*)?["']([^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["']([^"']+)["']\s*\)/g;

function isFile(file: string): boolean {
  try {
    return statSync(path.join(ROOT, file)).isFile();
  } catch {
    return false;
  }
}

/** The repository file an import names, or null for a package. */
function resolveImport(specifier: string, from: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = path.posix.join(path.posix.dirname(from), specifier);
  else return null;
  const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`];
  return candidates.find(isFile) ?? null;
}

function importsOf(file: string): string[] {
  const source = readFileSync(path.join(ROOT, file), "utf8");
  const specifiers = [...source.matchAll(STATIC_IMPORT), ...source.matchAll(DYNAMIC_IMPORT)].map((match) => match[1] ?? "");
  return specifiers.flatMap((specifier) => resolveImport(specifier, file) ?? []);
}

/** Every module the browser loads, each with the import chain that brings it in. */
function browserModules(): Map<string, string[]> {
  const entries = [
    ...SOURCE_DIRS.flatMap(sourceFiles).filter((file) => USE_CLIENT.test(readFileSync(path.join(ROOT, file), "utf8"))),
    ...BROWSER_ENTRIES_WITHOUT_DIRECTIVE.filter(isFile),
  ];
  const chains = new Map<string, string[]>(entries.map((file) => [file, [file]]));
  const queue = [...entries];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const chain = chains.get(file) ?? [file];
    for (const imported of importsOf(file)) {
      if (chains.has(imported)) continue;
      chains.set(imported, [...chain, imported]);
      queue.push(imported);
    }
  }
  return chains;
}

describe("the browser bundle", () => {
  const modules = browserModules();

  it("is found by following imports from the client entry points", () => {
    // Proves the walk resolves `@/` and relative imports: the board's client reaches the store and the domain rules.
    expect([...modules.keys()]).toEqual(expect.arrayContaining(["app/(dashboard)/board/client.tsx", "lib/store/ops-store-provider.tsx"]));
    expect([...modules.keys()].some((file) => file.startsWith("lib/trades/"))).toBe(true);
  });

  it("never imports lib/env", () => {
    const leaks = [...modules].filter(([file]) => file.startsWith(SERVER_ENV)).map(([, chain]) => chain.join(" → "));
    expect(leaks).toEqual([]);
  });
});
