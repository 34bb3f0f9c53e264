import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync, readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { signalProcessGroup, stopProcessGroup } from "./process-group";

const started: ChildProcess[] = [];

/** A real Node child in its own process group, once its script has run (it then prints "ready"); with what it printed. */
async function startChild(script: string): Promise<{ child: ChildProcess; output: string }> {
  const child = spawn(process.execPath, ["-e", `${script}; console.log("ready")`], { stdio: ["ignore", "pipe", "ignore"], detached: true });
  started.push(child);
  let output = "";
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    output += chunk.toString();
    if (output.includes("ready")) break;
  }
  return { child, output };
}

afterEach(() => {
  for (const child of started.splice(0)) signalProcessGroup(child, "SIGKILL");
});

describe("stopProcessGroup", () => {
  it("stops a child that heeds SIGTERM with SIGTERM", async () => {
    const { child } = await startChild("setInterval(() => {}, 1000)");
    await stopProcessGroup(child, 60_000);
    expect(child.signalCode).toBe("SIGTERM");
  });

  it("kills a child that ignores SIGTERM once the grace period is over", async () => {
    const { child } = await startChild("process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)");
    await stopProcessGroup(child, 200);
    expect(child.signalCode).toBe("SIGKILL");
  });

  it("stops what the child forked too (its whole process group)", async () => {
    const { child, output } = await startChild(
      "const c = require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' }); console.log('grandchild ' + c.pid); setInterval(() => {}, 1000)",
    );
    const grandchild = Number(/grandchild (\d+)/.exec(output)?.[1]);
    expect(isAlive(grandchild)).toBe(true);
    await stopProcessGroup(child, 60_000);
    await expect.poll(() => isAlive(grandchild), { timeout: 10_000 }).toBe(false);
  });

  it("returns at once for a child that has already exited", async () => {
    const child = spawn(process.execPath, ["-e", "process.exit(0)"], { stdio: "ignore", detached: true });
    await once(child, "exit");
    await stopProcessGroup(child, 60_000);
    expect(child.exitCode).toBe(0);
  });
});

/** Running (a zombie waiting to be reaped by whoever adopted it counts as gone). */
function isAlive(pid: number): boolean {
  if (existsSync("/proc/self/stat")) {
    try {
      // Field 3 of /proc/<pid>/stat, after the parenthesised command name, is the state.
      return !/\)\s+Z\s/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
