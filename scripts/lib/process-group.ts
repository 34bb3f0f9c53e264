// Stopping a child process started in its own process group (spawn with `detached: true`), together
// with everything it forked (`next start` and tsx both fork): SIGTERM to the group, SIGKILL if the
// child has not exited after a grace period. Used by npm start's supervisor and by the end-to-end tests
// and benchmarks (e2e/support/processes.ts).
import type { ChildProcess } from "node:child_process";

export const STOP_GRACE_MS = 5_000;

/** Sends `signal` to the child's whole process group; false when there is no such group (any more). */
export function signalProcessGroup(child: ChildProcess, signal: NodeJS.Signals): boolean {
  if (child.pid === undefined) return false;
  try {
    process.kill(-child.pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** Resolves once the child has exited: at once if it already had, else after SIGTERM, or SIGKILL after `graceMs`. */
export async function stopProcessGroup(child: ChildProcess, graceMs = STOP_GRACE_MS): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  // Node sets exitCode/signalCode in the same tick it emits "exit", so this cannot miss the event.
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  if (!signalProcessGroup(child, "SIGTERM")) return;
  const timer = setTimeout(() => signalProcessGroup(child, "SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}
