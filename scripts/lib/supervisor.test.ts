// The supervisor behind `npm start`, with real short-lived Node child processes.
import type { ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { signalProcessGroup } from "./process-group";
import { Supervisor } from "./supervisor";

const LONG_LIVED = "setInterval(() => {}, 1000)";
const spawned: ChildProcess[] = [];

afterEach(() => {
  for (const child of spawned.splice(0)) signalProcessGroup(child, "SIGKILL");
});

function supervise() {
  const lines: string[] = [];
  const exitCodes: number[] = [];
  let exitWith: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => {
    exitWith = resolve;
  });
  const supervisor = new Supervisor(
    (line) => lines.push(line),
    (code) => {
      exitCodes.push(code);
      exitWith(code);
    },
  );
  const stopped: string[] = [];
  const spawn = (name: string, script: string) => {
    const child = supervisor.spawn(name, process.execPath, ["-e", script], process.env);
    spawned.push(child);
    child.once("exit", () => stopped.push(name));
    return child;
  };
  return { supervisor, lines, exited, exitCodes, stopped, spawn };
}

describe("Supervisor", () => {
  it("when one child exits, stops every other service, newest first, and exits with that child's code", async () => {
    const { supervisor, lines, exited, stopped, spawn } = supervise();
    supervisor.add({
      name: "simulator (in process)",
      stop: async () => {
        stopped.push("simulator (in process)");
      },
    });
    const app = spawn("next start", LONG_LIVED);
    const recorder = spawn("recorder", LONG_LIVED);
    const failing = spawn("failing", "setTimeout(() => process.exit(3), 200)");

    expect(await exited).toBe(3);
    expect(failing.exitCode).toBe(3);
    expect(app.signalCode).toBe("SIGTERM");
    expect(recorder.signalCode).toBe("SIGTERM");
    expect(stopped).toEqual(["failing", "recorder", "next start", "simulator (in process)"]);
    expect(lines).toContain("failing exited (code 3); stopping everything.");
  });

  it("treats a child that ends on its own with code 0 as a failure: exit code 1", async () => {
    const { exited, spawn } = supervise();
    const other = spawn("other", LONG_LIVED);
    spawn("quitter", "process.exit(0)");
    expect(await exited).toBe(1);
    expect(other.signalCode).toBe("SIGTERM");
  });

  it("stopAll stops every child without exiting: the caller decides what happens next", async () => {
    const { supervisor, exitCodes, spawn } = supervise();
    const app = spawn("app", LONG_LIVED);
    const recorder = spawn("recorder", LONG_LIVED);
    await supervisor.stopAll();
    expect([app.signalCode, recorder.signalCode]).toEqual(["SIGTERM", "SIGTERM"]);
    // Their "exit" events have run by now (stopAll waits for them); none of them asked to exit.
    expect(exitCodes).toEqual([]);
  });
});
