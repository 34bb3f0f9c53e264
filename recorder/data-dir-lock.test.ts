// The PGlite directory lock: one recorder per data directory. A lock held by a live process refuses the
// next recorder; releasing it (on stop) frees the directory; a lock left by a process that is gone is
// taken over, so a crash never blocks the next start.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "./data-dir-lock";

const LOCK_FILE = "recorder.lock";

/** Another process, alive until killed: stands in for a second recorder. */
function otherProcess(): ChildProcess {
  return spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));
}

describe("data directory lock", () => {
  let dir: string;
  let lockFile: string;
  const children: ChildProcess[] = [];

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "recorder-lock-"));
    lockFile = path.join(dir, LOCK_FILE);
  });

  afterEach(async () => {
    for (const child of children.splice(0)) {
      child.kill();
      await exited(child);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes this process's pid and creates the directory when missing", () => {
    const nested = path.join(dir, "not", "yet");
    const lock = lockDataDir(nested);
    expect(readFileSync(path.join(nested, LOCK_FILE), "utf8")).toBe(String(process.pid));
    lock.release();
  });

  it("refuses a second recorder while the holder is alive, and leaves its lock alone", () => {
    const holder = otherProcess();
    children.push(holder);
    if (holder.pid === undefined) throw new Error("could not start the holder process");
    writeFileSync(lockFile, String(holder.pid));

    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(`in use by another recorder (pid ${holder.pid})`);
    expect(readFileSync(lockFile, "utf8")).toBe(String(holder.pid));
  });

  it("frees the directory on release, so the next recorder can lock it", () => {
    const first = lockDataDir(dir);
    first.release();
    expect(existsSync(lockFile)).toBe(false);

    const next = lockDataDir(dir);
    expect(readFileSync(lockFile, "utf8")).toBe(String(process.pid));
    next.release();
  });

  it("does not remove a lock another process holds by the time it releases", () => {
    const lock = lockDataDir(dir);
    writeFileSync(lockFile, "999999999");
    lock.release();
    expect(readFileSync(lockFile, "utf8")).toBe("999999999");
  });

  it("takes over a lock whose holder has exited", async () => {
    const crashed = otherProcess();
    if (crashed.pid === undefined) throw new Error("could not start the process");
    crashed.kill("SIGKILL");
    await exited(crashed);
    writeFileSync(lockFile, String(crashed.pid));

    const lock = lockDataDir(dir);
    expect(readFileSync(lockFile, "utf8")).toBe(String(process.pid));
    lock.release();
    expect(existsSync(lockFile)).toBe(false);
  });

  it("takes over a lock file that names no process, or this one (a pid reused after a restart)", () => {
    for (const content of ["", "not a pid", String(process.pid)]) {
      writeFileSync(lockFile, content);
      const lock = lockDataDir(dir);
      expect(readFileSync(lockFile, "utf8")).toBe(String(process.pid));
      lock.release();
    }
  });
});
