// The local-files finding of the attack run, written as the attack: another user on the same machine
// reads the recorder's data directory (customers' Steam IDs, trade URLs, addresses, the loopback API's
// secret). The recorder must create it 0700 with 0600 files, and refuse a directory others can enter.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sharedSimulator } from "./support/extra-apps";
import { expect, test } from "./support/fixtures";
import { runRecorderUntilExit, startRecorderProcess } from "./support/recorder";

/** Every path under `dir` (itself included) whose group or other users have any permission. */
function openToOthers(dir: string): string[] {
  const open: string[] = [];
  const visit = (where: string) => {
    const stat = statSync(where);
    if ((stat.mode & 0o077) !== 0) open.push(`${path.relative(dir, where) || "."} ${(stat.mode & 0o777).toString(8)}`);
    if (stat.isDirectory()) for (const name of readdirSync(where)) visit(path.join(where, name));
  };
  visit(dir);
  return open;
}

test.describe("recorder data directory", () => {
  let parent = "";
  test.beforeAll(() => {
    // A parent others may enter, as a checkout or /srv would be: only the data directory protects the data.
    parent = mkdtempSync(path.join(os.tmpdir(), "assetpay-e2e-files-"));
    chmodSync(parent, 0o755);
  });
  test.afterAll(() => rmSync(parent, { recursive: true, force: true }));

  test("a fresh store is the owner's alone: directory 0700, every file 0600", async () => {
    const dataDir = path.join(parent, "fresh", ".data");
    const recorder = await startRecorderProcess("recorder-files", { simulator: sharedSimulator(), storage: { dataDir } });
    try {
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(readdirSync(path.join(dataDir, "pglite")).length).toBeGreaterThan(0);
      expect(openToOthers(dataDir)).toEqual([]);
    } finally {
      await recorder.stop();
    }
  });

  test("a store others can read is refused with one line naming RECORDER_DATA_DIR and the fix", async () => {
    const dataDir = path.join(parent, "shared-data");
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    const run = await runRecorderUntilExit("recorder-files-refused", { simulator: sharedSimulator(), storage: { dataDir } });
    expect(run.code).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).toContain(`RECORDER_DATA_DIR: ${dataDir} is accessible to other users (mode 0755)`);
    expect(`${run.stdout}${run.stderr}`).toContain(`chmod 700 ${dataDir}`);
    expect(readdirSync(dataDir)).toEqual([]); // nothing written into it
  });
});
