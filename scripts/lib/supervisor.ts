// Runs the services `npm start` is made of (the simulator, `next start`, later the recorder) and
// stops them together: on Ctrl-C / SIGTERM, or as soon as one of them exits on its own. Services stop
// in the reverse order they started, so the app goes before the things it talks to.
import { spawn, type ChildProcess } from "node:child_process";
import { signalProcessGroup, stopProcessGroup } from "./process-group";

export interface Service {
  name: string;
  stop(): Promise<void>;
}

export class Supervisor {
  private readonly services: Service[] = [];
  private readonly children = new Set<ChildProcess>();
  private stopping: Promise<void> | null = null;

  /** `exit` ends this process once everything has stopped (injectable so tests can watch it). */
  constructor(
    private readonly log: (line: string) => void,
    private readonly exit: (code: number) => void = (code) => process.exit(code),
  ) {
    // If this process dies without a clean stop, do not leave child process groups behind.
    process.once("exit", () => {
      for (const child of this.children) signalProcessGroup(child, "SIGKILL");
    });
  }

  /** A service started in this process (e.g. the in-process simulator). */
  add(service: Service): void {
    this.services.push(service);
  }

  /** A child process in its own process group; when it exits unexpectedly, everything stops. */
  spawn(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
    const child = spawn(command, args, { env, stdio: ["ignore", "inherit", "inherit"], detached: true });
    this.children.add(child);
    child.once("exit", (code, signal) => {
      this.children.delete(child);
      if (this.stopping) return;
      this.log(`${name} exited (${signal ?? `code ${code}`}); stopping everything.`);
      // A service that ends on its own is a failure even with code 0: npm start is meant to keep serving.
      void this.stopAll().then(() => this.exit(code === 0 ? 1 : (code ?? 1)));
    });
    this.add({ name, stop: () => stopProcessGroup(child) });
    return child;
  }

  stopAll(): Promise<void> {
    this.stopping ??= (async () => {
      for (const service of [...this.services].reverse()) {
        try {
          await service.stop();
        } catch (error) {
          this.log(`could not stop ${service.name} cleanly: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    })();
    return this.stopping;
  }

  /** Ctrl-C and SIGTERM stop every service, then exit 0. */
  stopOnSignals(): void {
    const onSignal = (signal: NodeJS.Signals) => {
      if (this.stopping) return;
      this.log(`${signal} received: stopping…`);
      void this.stopAll().then(() => this.exit(0));
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  }
}
