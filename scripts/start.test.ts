// `npm start` with a bad configuration: every bad variable on its own line, exit 1, and nothing built or
// started. Runs the real script in a child process, as an operator would.
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs scripts/start.ts; if it does not exit by itself (it got past the check), its whole group is killed. */
function runStart(env: Record<string, string>): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/start.ts"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "production", ...env },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const guard = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      reject(new Error(`npm start did not stop on a bad configuration:\n${stdout}${stderr}`));
    }, 45_000);
    child.once("error", reject);
    child.once("exit", (code) => {
      clearTimeout(guard);
      resolve({ code, stdout, stderr });
    });
  });
}

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
