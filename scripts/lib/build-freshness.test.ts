import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildState } from "./build-freshness";

const BUILT_AT = new Date("2026-05-20T12:00:00Z");
const BEFORE = new Date("2026-05-20T11:00:00Z");
const AFTER = new Date("2026-05-20T13:00:00Z");

let root = "";

afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = "";
});

/** A project with a build stamped BUILT_AT and these files (relative path → modification time). */
function project(files: Record<string, Date>): string {
  root = mkdtempSync(path.join(tmpdir(), "build-freshness-"));
  const stamp = (relative: string, at: Date) => {
    const full = path.join(root, relative);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, "");
    utimesSync(full, at, at);
  };
  stamp(".next/BUILD_ID", BUILT_AT);
  for (const [relative, at] of Object.entries(files)) stamp(relative, at);
  return root;
}

describe("buildState", () => {
  it("is fresh when every source is older than the build", () => {
    expect(buildState(project({ "app/page.tsx": BEFORE, "instrumentation-client.ts": BEFORE, "next.config.js": BEFORE }))).toEqual({ stale: false });
  });

  it("is stale without a build", () => {
    root = mkdtempSync(path.join(tmpdir(), "build-freshness-"));
    expect(buildState(root)).toEqual({ stale: true, reason: "no production build yet" });
  });

  it("is stale when instrumentation-client.ts changed after the build", () => {
    expect(buildState(project({ "app/page.tsx": BEFORE, "instrumentation-client.ts": AFTER }))).toEqual({
      stale: true,
      reason: "instrumentation-client.ts changed since the last build",
    });
  });

  it("watches any root-level code or config file, whatever its name", () => {
    for (const name of ["proxy.ts", "middleware.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "some-new-hook.tsx"]) {
      expect(buildState(project({ [name]: AFTER })), name).toEqual({ stale: true, reason: `${name} changed since the last build` });
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("is stale when a file under app, components or lib changed", () => {
    expect(buildState(project({ "components/trade-board/row.tsx": AFTER }))).toMatchObject({ stale: true, reason: expect.stringContaining("row.tsx") });
  });

  it("ignores unit tests, the test runners' configs, docs and folders that are not built", () => {
    const state = buildState(
      project({
        "lib/trades/sort.test.ts": AFTER,
        "playwright.config.ts": AFTER,
        "vitest.config.mts": AFTER,
        "README.md": AFTER,
        "sim/engine/engine.ts": AFTER,
        "e2e/board.spec.ts": AFTER,
        "lib/trades/sort.ts": BEFORE,
      }),
    );
    expect(state).toEqual({ stale: false });
  });
});
