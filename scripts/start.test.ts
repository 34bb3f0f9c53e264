// `npm start` with a bad configuration: every bad variable on its own line, exit 1, and nothing built or
// started. Runs the real script in a child process, as an operator would.
import { describe, expect, it } from "vitest";
import { runEntryPointUntilExit } from "./testing/run-entry-point";

const runStart = (env: Record<string, string>) => runEntryPointUntilExit(["scripts/start.ts"], env);

describe("npm start with a bad configuration", () => {
  it("prints every bad variable, never its value, and exits 1 before starting anything", { timeout: 60_000 }, async () => {
    const { code, stdout, stderr } = await runStart({
      PORT: "http",
      AUTH_SECRET: "hunter2",
      STAFF_ACCOUNTS: "correct horse battery",
      STALL_ACTIVE_SECONDS: "ten minutes",
    });
    expect(code).toBe(1);
    const lines = stderr.trim().split("\n");
    // arrayContaining: a developer's own .env file may add lines of its own.
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\[start\] PORT: expected a TCP port/),
        expect.stringMatching(/^\[start\] STAFF_ACCOUNTS: expected /),
        expect.stringMatching(/^\[start\] AUTH_SECRET: expected at least 32 random characters/),
        expect.stringMatching(/^\[start\] STALL_ACTIVE_SECONDS: expected seconds/),
      ]),
    );
    for (const line of lines) expect(line).toMatch(/^\[start\] [A-Z_]+: /);
    for (const value of ["hunter2", "horse", "ten minutes"]) expect(stdout + stderr).not.toContain(value);
    expect(stdout).not.toMatch(/building|simulator|running/i);
  });
});
