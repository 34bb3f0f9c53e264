// `npm run bench`: every benchmark in order, printing figures (nothing is asserted on time).
//   npm run bench                      all parts; the soak runs 2 minutes (it says so)
//   npm run bench -- --soak            the soak runs the full 30 minutes (--no-soak: none);
//                                      --soak-warmup=10 first runs 10 minutes before the first reading,
//                                      at --soak-warmup-rate=N events/s (default 200)
//   npm run bench -- ingest resync     only the named parts: ingest, summary, engine, password, token, resync,
//                                      budget, callbacks, import, alerts, sign-in, export, trends, browser
//   npm run bench -- --help            prints this
//   npm run bench -- message           opt-in only: the browser's own cost per socket message on a bare page
//   npm run bench -- browser --no-naive --contain
//                                      browser part without the naive baseline, plus the containment experiment
//                                      (BENCH_EXPERIMENT_CSS='…' measures that stylesheet instead)
//   npm run bench -- browser --rates=1000 --no-ramp --no-soak
//                                      one rate only; BENCH_PROFILE_DIR=dir saves a page CPU profile per phase;
//                                      --phase-seconds=60 measures each rate for 60 s (default 20): a steadier p95;
//                                      --rates=0 measures the probes alone (the board's own fixed cost)
//   Browser part, also: BENCH_VIEWS=rows (the rows-in-view view only), BENCH_SAMPLES_DIR=dir (every probe's
//   timings as JSON), BENCH_OBSERVER=1 (a subscriber in the bench's own process splits delivery at the
//   simulator's side), BENCH_TRACE_SECONDS / BENCH_TRACE_CATEGORIES / BENCH_TRACE_BEFORE (with BENCH_PROFILE_DIR:
//   the trace's length, extra categories, and taking it before the probes start instead of during them)
// The token, resync, budget, callbacks, import, alerts, sign-in and browser parts need a production build (`npm run build`) and Chromium
// (CHROMIUM_PATH or /usr/bin/chromium). Figures from a machine that is busy with other work are noisy:
// the machine line printed first includes the load average.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { runAlertsBench } from "./alerts";
import { runAssetPayBudgetBench } from "./assetpay-budget";
import { runBoardSummaryBench } from "./board-summary";
import { runBrowserBench } from "./browser";
import { runCallbackIngestBench } from "./callback-ingest";
import { runExportBench } from "./export";
import { runIngestBench } from "./ingest";
import { runMessageCostBench } from "./message-cost";
import { runRefsImportBench } from "./refs-import";
import { runResyncBench } from "./resync";
import { runSignInBench } from "./sign-in";
import { runSimEngineBench } from "./sim-engine";
import { runStaffPasswordBench } from "./staff-password";
import { machine } from "./support";
import { runTokenRouteBench } from "./token-route";
import { runTrendsBench } from "./trends";

const PARTS = ["ingest", "summary", "engine", "password", "token", "resync", "budget", "callbacks", "import", "alerts", "sign-in", "export", "trends", "browser"] as const;
/** Parts that run only when named: experiments behind a figure in RESULTS.md, not targets of #7. */
const OPT_IN_PARTS = ["message"] as const;
type Part = (typeof PARTS)[number] | (typeof OPT_IN_PARTS)[number];
/** Parts that run in this process alone, without the production build. */
const IN_PROCESS_PARTS: readonly Part[] = ["ingest", "summary", "engine", "password", "message", "export", "trends"];

function chosenParts(argv: readonly string[]): Part[] {
  const known: readonly string[] = [...PARTS, ...OPT_IN_PARTS];
  const named = argv.filter((arg): arg is Part => known.includes(arg));
  return named.length > 0 ? named : [...PARTS];
}

/** `--soak-warmup=10`, `--soak-warmup-rate=1000`: a whole number (0 when absent). */
function wholeNumberArg(argv: readonly string[], prefix: string): number {
  const arg = argv.find((a) => a.startsWith(prefix));
  if (!arg) return 0;
  const value = Number(arg.slice(prefix.length));
  if (!Number.isInteger(value) || value < 0) throw new Error(`${prefix.slice(0, -1)}: expected a whole number, got ${arg}`);
  return value;
}

/** `--rates=100,1000`: only these socket event rates in the browser part. */
function ratesArg(argv: readonly string[]): number[] | undefined {
  const arg = argv.find((a) => a.startsWith("--rates="));
  if (!arg) return undefined;
  const rates = arg.slice("--rates=".length).split(",").map(Number);
  // 0: the simulator's own traffic off, only the probes' changes: the board's fixed cost.
  if (rates.some((r) => !Number.isInteger(r) || r < 0)) throw new Error(`--rates: expected whole numbers, got ${arg}`);
  return rates;
}

/** This file's opening comment: the usage, kept in one place. */
function usage(): string {
  const lines = readFileSync(__filename, "utf8").split("\n");
  const end = lines.findIndex((line) => !line.startsWith("//"));
  return lines.slice(0, end).map((line) => line.replace(/^\/\/ ?/, "")).join("\n");
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(usage());
    return;
  }
  const parts = chosenParts(argv);
  const soakMinutes = argv.includes("--soak") ? 30 : argv.includes("--no-soak") ? 0 : 2;
  const log = (line: string) => console.log(line);
  log(`AssetPay Ops benchmarks, ${new Date().toISOString()}`);
  log(`machine: ${machine()}`);
  const needsBuild = parts.some((p) => !IN_PROCESS_PARTS.includes(p));
  if (needsBuild && !existsSync(path.resolve(__dirname, "..", ".next", "BUILD_ID"))) {
    throw new Error("No production build: run `npm run build` first (the token, resync and browser benchmarks use it).");
  }
  for (const part of parts) {
    const started = Date.now();
    log(`\n== ${part} ==`);
    if (part === "ingest") runIngestBench({ log });
    if (part === "summary") runBoardSummaryBench({ log });
    if (part === "engine") runSimEngineBench({ log });
    if (part === "password") await runStaffPasswordBench({ log });
    if (part === "token") await runTokenRouteBench(log);
    if (part === "resync") await runResyncBench({ log });
    if (part === "budget") await runAssetPayBudgetBench({ log });
    if (part === "callbacks") await runCallbackIngestBench({ log });
    if (part === "import") await runRefsImportBench({ log });
    if (part === "alerts") await runAlertsBench({ log });
    if (part === "sign-in") await runSignInBench({ log });
    if (part === "export") await runExportBench({ log });
    if (part === "trends") await runTrendsBench({ log });
    if (part === "message") await runMessageCostBench(log);
    if (part === "browser") {
      if (soakMinutes > 0 && soakMinutes < 30) log(`  (short soak: ${soakMinutes} min; \`npm run bench -- --soak\` runs the full 30 min)`);
      await runBrowserBench({
        log,
        soakMinutes,
        soakWarmupMinutes: wholeNumberArg(argv, "--soak-warmup="),
        // Absent (0): runBrowserBench's own default, the soak's rate.
        soakWarmupRate: wholeNumberArg(argv, "--soak-warmup-rate=") || undefined,
        skipNaive: argv.includes("--no-naive"),
        skipRamp: argv.includes("--no-ramp"),
        containExperiment: argv.includes("--contain"),
        rates: ratesArg(argv),
        // Absent (0): the default 20 s.
        phaseSeconds: wholeNumberArg(argv, "--phase-seconds=") || undefined,
      });
    }
    log(`  (${part} took ${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
