// The recorder process with a bad configuration: every bad variable on its own line, exit 1, before it
// opens any storage. Runs the real entry point in a child process, as `npm run recorder` would.
import { describe, expect, it } from "vitest";
import { runEntryPointUntilExit } from "../scripts/testing/run-entry-point";

const runRecorder = (env: Record<string, string>) => runEntryPointUntilExit(["--conditions=react-server", "recorder/main.ts"], env);

describe("the recorder with a bad configuration", () => {
  it("prints every bad variable, never its value, and exits 1 before opening storage", { timeout: 60_000 }, async () => {
    const { code, stdout, stderr } = await runRecorder({ DATABASE_URL: "mysql://ops:hunter2@db/ops", RECORDER_RETENTION_DAYS: "0" });
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^\[recorder\] ASSETPAY_API_KEY: not set; /),
      expect.stringMatching(/^\[recorder\] DATABASE_URL: expected a Postgres URL/),
      expect.stringMatching(/^\[recorder\] RECORDER_RETENTION_DAYS: expected days/),
    ]);
    expect(stdout + stderr).not.toContain("hunter2");
    expect(stdout).not.toContain("storage:");
  });
});
