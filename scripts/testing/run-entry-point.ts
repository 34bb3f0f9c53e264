// Runs one of the project's entry points (recorder/main.ts, scripts/start.ts) through tsx in a child
// process with a clean environment, as an operator would. For tests of what happens before anything
// starts: if the process does not exit by itself within the guard, its whole group is killed and the
// test fails with what it printed.
import { spawn } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");
const TSX_CLI = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

export interface EntryPointOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runEntryPointUntilExit(args: readonly string[], env: Record<string, string>, guardMs = 45_000): Promise<EntryPointOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX_CLI, ...args], {
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
      reject(new Error(`${args.join(" ")} did not exit by itself:\n${stdout}${stderr}`));
    }, guardMs);
    child.once("error", reject);
    child.once("exit", (code) => {
      clearTimeout(guard);
      resolve({ code, stdout, stderr });
    });
  });
}
