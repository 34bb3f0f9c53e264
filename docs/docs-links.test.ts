// Keeps the docs pointing at the tree as it is (docs/architecture.md#docs): every repository path written
// in backticks in docs/*.md, README.md and sim/README.md exists, every relative link between those pages
// resolves (anchor included), and every docs page anchor cited anywhere in the repository is an
// `<a id>` of that page. Reads a few files and runs one `git grep`: no build, no network.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");

/** The pages whose backticked paths and links are checked, relative to ROOT. */
const PAGES = [
  ...readdirSync(path.join(ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
  "README.md",
  "sim/README.md",
];

/** Top-level directories whose paths a page may name in backticks. */
const REPO_DIRS = ["app", "bench", "components", "docs", "e2e", "lib", "recorder", "scripts", "sim"];
const REPO_PATH = new RegExp(`^(?:${REPO_DIRS.join("|")})/\\S*$`);

/** A docs page anchor as code cites it: the page from the root, then `#anchor`. */
const CITATION = "docs/[a-z0-9-]+\\.md#[A-Za-z0-9_-]+";

function read(relative: string): string {
  return readFileSync(path.join(ROOT, relative), "utf8");
}

/** Fenced code blocks hold diagrams and shell sessions, not references; inline spans are what count. */
function withoutFences(markdown: string): string {
  return markdown.replace(/^```[^\n]*\n[\s\S]*?^```[^\n]*$/gm, "");
}

/** Backticked spans that are a repository path, e.g. `lib/live/event-batcher.ts` or `components/<feature>/`. */
function backtickedRepoPaths(markdown: string): string[] {
  const spans = [...withoutFences(markdown).matchAll(/`([^`\n]+)`/g)].map((match) => (match[1] ?? "").trim());
  return spans.filter((span) => REPO_PATH.test(span));
}

/** The part of a written path that must exist: no `#anchor`, nothing from a `<placeholder>` on. */
function checkedPart(written: string): string {
  return written.replace(/#.*$/, "").replace(/<.*$/, "");
}

function filesUnder(relativeDir: string): string[] {
  const dir = path.join(ROOT, relativeDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(relativeDir, entry.name);
    return entry.isDirectory() ? [relative, ...filesUnder(relative)] : [relative];
  });
}

/** Whether a path exists; a `*` in it must match at least one file or directory. */
function repoPathExists(written: string): boolean {
  const part = checkedPart(written).replace(/\/$/, "");
  if (!part.includes("*")) return existsSync(path.join(ROOT, part));
  const fixedDir = part.slice(0, part.indexOf("*")).replace(/[^/]*$/, "").replace(/\/$/, "");
  const pattern = new RegExp(
    `^${part
      .split("*")
      .map((piece) => piece.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join("[^/]*")}$`,
  );
  return filesUnder(fixedDir).some((file) => pattern.test(file));
}

/** The `id`s a page declares with `<a id="…"></a>` above its headings. */
function anchorsOf(markdown: string): Set<string> {
  return new Set([...markdown.matchAll(/<a id="([^"]+)">/g)].map((match) => match[1] ?? ""));
}

/** Relative link targets of a page (`[text](target)`), web addresses left out. */
function relativeLinks(markdown: string): string[] {
  const targets = [...withoutFences(markdown).matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1] ?? "");
  return targets.filter((target) => !/^[a-z]+:/i.test(target));
}

/** What is wrong with one link of `page` (a path from the root), or null when it resolves. */
function brokenLink(page: string, target: string): string | null {
  const [file = "", anchor] = target.split("#");
  const linked = file === "" ? page : path.posix.normalize(path.posix.join(path.posix.dirname(page), file));
  if (!existsSync(path.join(ROOT, linked))) return `${page}: link to ${target}: ${linked} does not exist`;
  if (anchor === undefined || !linked.endsWith(".md")) return null;
  return anchorsOf(read(linked)).has(anchor) ? null : `${page}: link to ${target}: ${linked} has no <a id="${anchor}">`;
}

/** `docs/<page>.md#<anchor>` citations whose page is missing or lacks that anchor. */
function unknownCitations(citations: readonly string[], pageText: (page: string) => string | null): string[] {
  return citations.filter((citation) => {
    const [page = "", anchor = ""] = citation.split("#");
    const text = pageText(page);
    return text === null || !anchorsOf(text).has(anchor);
  });
}

function pageTextIfAny(page: string): string | null {
  return existsSync(path.join(ROOT, page)) ? read(page) : null;
}

/** Every docs anchor citation in the tracked files (working-tree contents), as `file:line: citation`. */
function citationsInRepository(): { where: string; citation: string }[] {
  let output: string;
  try {
    output = execFileSync("git", ["grep", "-I", "-n", "-o", "-E", CITATION], { cwd: ROOT, encoding: "utf8" });
  } catch (error) {
    // git grep exits 1 when nothing matches; anything else (no git, no repository) is a real failure.
    if ((error as { status?: number }).status === 1) return [];
    throw error;
  }
  return output
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => {
      const match = /^(.*?:\d+):(.*)$/.exec(line);
      return { where: match?.[1] ?? line, citation: match?.[2] ?? "" };
    });
}

describe("the checks themselves", () => {
  it("pick repository paths out of inline code, not out of fenced blocks or other spans", () => {
    const sample = ["Open `lib/live/event-batcher.ts` and `components/<feature>/`; run `npm test`.", "```", "lib/nowhere.ts", "```"].join("\n");
    expect(backtickedRepoPaths(sample)).toEqual(["lib/live/event-batcher.ts", "components/<feature>/"]);
  });

  it("tell paths that exist from paths that do not, placeholders, globs and anchors included", () => {
    expect(repoPathExists("lib/live/event-batcher.ts")).toBe(true);
    expect(repoPathExists("components/<feature>/")).toBe(true);
    expect(repoPathExists("e2e/*.spec.ts")).toBe(true);
    expect(repoPathExists("docs/architecture.md#<anchor>")).toBe(true);
    expect(repoPathExists("lib/live/no-such-file.ts")).toBe(false);
    expect(repoPathExists("e2e/*.no-such-suffix")).toBe(false);
  });

  it("refuse a citation of an anchor the page lacks, or of a page that does not exist", () => {
    const page = (name: string) => (name === "docs/a.md" ? '<a id="kept"></a>\n## Kept' : null);
    // Built from pieces so this file does not itself cite a docs anchor.
    const cite = (pageName: string, anchor: string) => `docs/${pageName}.md#${anchor}`;
    expect(unknownCitations([cite("a", "kept"), cite("a", "gone"), cite("b", "kept")], page)).toEqual([cite("a", "gone"), cite("b", "kept")]);
  });
});

describe("the docs and the tree agree", () => {
  it("finds the docs pages and the paths they name", () => {
    expect(PAGES).toEqual(expect.arrayContaining(["docs/architecture.md", "docs/assetpay-api.md", "README.md", "sim/README.md"]));
    // A scanner that silently matched nothing would pass every check below.
    expect(backtickedRepoPaths(read("docs/architecture.md")).length).toBeGreaterThan(100);
  });

  it("every repository path written in backticks exists", () => {
    const missing = PAGES.flatMap((page) =>
      backtickedRepoPaths(read(page))
        .filter((written) => !repoPathExists(written))
        .map((written) => `${page}: ${written}`),
    );
    expect(missing).toEqual([]);
  });

  it("every relative link between the pages resolves, anchor included", () => {
    const broken = PAGES.flatMap((page) =>
      relativeLinks(read(page))
        .map((target) => brokenLink(page, target))
        .filter((problem) => problem !== null),
    );
    expect(broken).toEqual([]);
  });

  it("every docs anchor cited in the repository is an <a id> of that page", () => {
    const found = citationsInRepository();
    expect(found.length).toBeGreaterThan(0);
    const unknown = new Set(unknownCitations(found.map((entry) => entry.citation), pageTextIfAny));
    const where = found.filter((entry) => unknown.has(entry.citation)).map((entry) => `${entry.where}: ${entry.citation}`);
    expect(where).toEqual([]);
  });
});
