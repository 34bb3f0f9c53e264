import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirPermissionError, preparePrivateDataDir, tightenModes } from "./data-dir-permissions";

describe("preparePrivateDataDir", () => {
  const parents: string[] = [];
  const parent = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "data-dir-perm-"));
    parents.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of parents.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("creates a missing directory (and its parents) with mode 0700, whatever the umask", () => {
    const dir = path.join(parent(), "a", "data");
    const previous = process.umask(0o022);
    try {
      preparePrivateDataDir(dir);
    } finally {
      process.umask(previous);
    }
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    preparePrivateDataDir(dir); // and accepts it afterwards
  });

  it.each([0o755, 0o750, 0o705, 0o711, 0o770])("refuses an existing directory with mode %s, naming the variable and the fix", (mode) => {
    const dir = path.join(parent(), "data");
    preparePrivateDataDir(dir);
    chmodSync(dir, mode);
    expect(() => preparePrivateDataDir(dir)).toThrow(DataDirPermissionError);
    expect(() => preparePrivateDataDir(dir)).toThrow(`RECORDER_DATA_DIR: ${dir} is accessible to other users (mode 0${mode.toString(8)}); it holds customers' data: run \`chmod 700 ${dir}\``);
  });

  it("only creates, never refuses, when told the directory holds no data (PostgreSQL mode)", () => {
    const dir = path.join(parent(), "data");
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    expect(() => preparePrivateDataDir(dir, { refuseShared: false })).not.toThrow();
  });

  it("tightens what a library created with open modes: files 0600, directories 0700", () => {
    const dir = parent();
    mkdirSync(path.join(dir, "base", "1"), { recursive: true });
    writeFileSync(path.join(dir, "base", "1", "1247"), "x");
    chmodSync(path.join(dir, "base", "1", "1247"), 0o666);
    chmodSync(path.join(dir, "base"), 0o777);
    expect(tightenModes(dir)).toBeGreaterThanOrEqual(2);
    expect(statSync(path.join(dir, "base", "1", "1247")).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(dir, "base")).mode & 0o777).toBe(0o700);
    expect(tightenModes(dir)).toBe(0);
  });
});
