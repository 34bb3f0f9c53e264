// Backfill import: time to import 10,000 trade refs with `npm run recorder:import` (the real CLI, as a
// child process) into a running recorder (PGlite) whose socket never saw those trades, against a
// simulator holding them. Looked up 100 refs per request within the recorder's one AssetPay budget, so
// with the default ASSETPAY_BUDGET_PER_MINUTE (60, bursts of 10) 100 batches need about 90-100 s by
// design; a second recorder with ASSETPAY_BUDGET_PER_MINUTE=3000 (the simulator's own limit) shows what
// the import costs when the budget does not pace it. Each recorder spends a few calls of its own
// (merchant id, ledger, its minute reconcile of the in-flight share) from the same budget.
import { spawn } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { simRequestTo } from "@/e2e/support/sim-control";
import { startRecorderProcess, tempRecorderDir } from "@/e2e/support/recorder";
import { pool, simRestStats, startStack } from "./support";

const REFS = 10_000;
/** Mostly finished trades, as a backfill of the past is; a tenth still in flight. */
const STATUSES = ["completed", "completed", "declined", "completed", "failed", "completed", "reverted", "completed", "completed", "hold"] as const;
const ROOT = path.resolve(__dirname, "..");

export interface ImportFigures {
  budgetPerMinute: string;
  seconds: number;
  summary: string;
  assetPayCalls: number;
}

/** Runs the import CLI against the recorder of `dataDir`; resolves with its summary line and exit code. */
function runImportCli(dataDir: string, refsFile: string): Promise<{ code: number | null; done: string; output: string }> {
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/recorder-import.ts", refsFile], {
    cwd: ROOT,
    env: { ...process.env, RECORDER_DATA_DIR: dataDir, DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve({ code, done: /\[import\] done: .*/.exec(output)?.[0] ?? "", output }));
  });
}

export async function runRefsImportBench(options: { log?: (line: string) => void } = {}): Promise<ImportFigures[]> {
  const log = options.log ?? console.log;
  const stack = await startStack("import", { apps: [] });
  const refsFile = path.join(os.tmpdir(), `assetpay-bench-refs-${process.pid}.txt`);
  const out: ImportFigures[] = [];
  try {
    const sim = stack.sim;
    const createdAt = performance.now();
    const created = await pool(Array.from({ length: REFS }, (_, i) => i), 16, (i) =>
      simRequestTo<{ id: string }>(sim, "POST", "/__sim/trades", { status: STATUSES[i % STATUSES.length], stall: true }),
    );
    writeFileSync(refsFile, `${created.map((trade) => trade.id).join("\n")}\n`);
    log(`  ${REFS.toLocaleString("en")} trades created at the simulator in ${((performance.now() - createdAt) / 1000).toFixed(0)} s (no recorder running yet, so none saw them)`);
    for (const budget of [null, "3000"] as const) {
      const dataDir = tempRecorderDir("bench-import");
      const recorder = await startRecorderProcess(`bench-import-recorder-${budget ?? "default"}`, {
        simulator: sim,
        storage: { dataDir },
        ...(budget ? { extraEnv: { ASSETPAY_BUDGET_PER_MINUTE: budget } } : {}),
      });
      try {
        const before = await simRestStats(sim);
        const started = performance.now();
        const result = await runImportCli(dataDir, refsFile);
        const seconds = (performance.now() - started) / 1000;
        const after = await simRestStats(sim);
        if (result.code !== 0) log(`  import exited ${result.code}:\n${result.output.slice(-1500)}`);
        const figures: ImportFigures = {
          budgetPerMinute: budget ?? "60 (default)",
          seconds,
          summary: result.done.replace("[import] ", ""),
          assetPayCalls: after.requests - before.requests,
        };
        out.push(figures);
        log(
          `  budget ${figures.budgetPerMinute}/min: ${REFS.toLocaleString("en")} refs imported in ${seconds.toFixed(1)} s (${((REFS / seconds) * 60).toFixed(0)} refs/min); ` +
            `${figures.assetPayCalls} AssetPay calls meanwhile (${after.rateLimited - before.rateLimited} answered 429); ${figures.summary}`,
        );
      } finally {
        await recorder.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(refsFile, { force: true });
    await stack.stop();
  }
  return out;
}

if (require.main === module) void runRefsImportBench();
