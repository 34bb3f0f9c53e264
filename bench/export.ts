// CSV export benchmark: 1,000,000 recorded trades (and one history row each) over 30 days, exported as
// one range through the real streaming code (lib/db/trade-export-csv.ts over the team calls of
// lib/db/team-calls.ts, pages of EXPORT_PAGE_ROWS): on PGlite through the recorder's loopback API (as
// the app reads it), on PostgreSQL directly. Prints rows/s and the process's RSS and heap sampled every
// 100 ms during the export (start / peak / end): flat memory means the peak stays near the start
// however many rows pass. Each backend runs in a child process started with the react-server condition
// (the store modules are server-only). BENCH_EXPORT_BACKENDS=postgres runs one. Nothing is asserted.
import { spawn } from "node:child_process";
import path from "node:path";

const ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 1_000_000);
const ROOT = path.resolve(__dirname, "..");
const MB = 1024 * 1024;

interface Figures {
  backend: string;
  rows: number;
  seedMs: number;
  countMs: number;
  exportMs: number;
  bytes: number;
  rss: [number, number, number];
  heap: [number, number, number];
  /** RSS and heap used at a quarter, half and three quarters of the export's time: flat or growing? */
  rssQuarters: number[];
  heapQuarters: number[];
}

function runWorker(backend: "pglite" | "postgres"): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "bench/export.ts", "--worker", backend], {
      cwd: ROOT,
      env: { ...process.env, BENCH_EXPORT_ROWS: String(ROWS) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("exit", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("FIGURES "));
      if (code !== 0 || !line) reject(new Error(`export bench (${backend}) exited ${code}: ${out.slice(-500)}`));
      else resolve(JSON.parse(line.slice("FIGURES ".length)) as Figures);
    });
  });
}

export async function runExportBench({ log }: { log: (line: string) => void }): Promise<void> {
  log(`  ${ROWS.toLocaleString("en-GB")} recorded trades over 30 days, one range, pages of 2,000 rows`);
  const only = process.env.BENCH_EXPORT_BACKENDS?.split(",");
  for (const backend of (["pglite", "postgres"] as const).filter((b) => !only || only.includes(b))) {
    let f: Figures;
    try {
      f = await runWorker(backend);
    } catch (error) {
      log(`  ${backend}: skipped — ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
      continue;
    }
    const mb = (n: number) => `${(n / MB).toFixed(0)} MB`;
    log(
      `  ${backend}: seeded in ${(f.seedMs / 1000).toFixed(0)} s; count ${f.countMs.toFixed(0)} ms; exported ${f.rows.toLocaleString("en-GB")} rows ` +
        `(${mb(f.bytes)}) in ${(f.exportMs / 1000).toFixed(1)} s = ${Math.round(f.rows / (f.exportMs / 1000)).toLocaleString("en-GB")} rows/s`,
    );
    log(`    RSS start/peak/end ${f.rss.map(mb).join(" / ")}; heap used ${f.heap.map(mb).join(" / ")}`);
    log(`    at 1/4, 1/2, 3/4 of the export: RSS ${f.rssQuarters.map(mb).join(" / ")}; heap used ${f.heapQuarters.map(mb).join(" / ")}`);
  }
}

/** The child's side: seed one backend, export once, print one FIGURES line. */
async function worker(backend: "pglite" | "postgres"): Promise<void> {
  const { mkdtempSync, rmSync } = await import("node:fs");
  const os = await import("node:os");
  const { migrate } = await import("@/lib/db/migrations");
  const { openPglite } = await import("@/lib/db/pglite");
  const { openPostgres } = await import("@/lib/db/postgres");
  const { startThrowawayPostgres } = await import("@/lib/db/testing/postgres-cluster");
  const { teamSourceOver } = await import("@/lib/db/team-source");
  const { fromRecorder } = await import("@/lib/db/recorded-source");
  const { teamAnswerSchemas } = await import("@/lib/db/team-calls");
  const { startInternalApi } = await import("@/recorder/internal-api");
  const { EXPORT_PAGE_ROWS } = await import("@/lib/db/trade-export");
  const { tradeExportCsv } = await import("@/lib/db/trade-export-csv");
  const { DEFAULT_STALL_LIMITS } = await import("@/lib/trades/stall-rules");
  const { wireTrade } = await import("@/lib/trades/test-fixtures");

  const dir = mkdtempSync(path.join(os.tmpdir(), "assetpay-export-bench-"));
  const cluster = backend === "postgres" ? await startThrowawayPostgres() : null;
  const db = cluster ? openPostgres(await cluster.createDatabase()) : await openPglite(path.join(dir, "pglite"));
  const stops: (() => Promise<unknown>)[] = [];
  try {
    await migrate(db);
    const base = Date.parse("2026-04-01T00:00:00.000Z");
    const spanMs = 30 * 86_400_000;
    const seedStarted = performance.now();
    const BATCH = 100_000;
    for (let first = 1; first <= ROWS; first += BATCH) {
      const last = Math.min(ROWS, first + BATCH - 1);
      // One realistic wire payload per trade (the fixtures' template), its id, time, status and game varied.
      await db.query(
        `INSERT INTO trades (id, status, raw_status, status_rank, terminal, game, type, updated_at, payload, first_seen_at, recorded_at, confirmed_at)
         SELECT 't-' || g, s.status, s.status, 1, s.status IN ('completed', 'failed'), CASE WHEN g % 3 = 0 THEN 'rust' ELSE 'cs2' END,
                CASE WHEN g % 4 = 0 THEN 'withdraw' ELSE 'deposit' END, u.at,
                $1::jsonb || jsonb_build_object('id', 't-' || g, 'status', s.status, 'game', CASE WHEN g % 3 = 0 THEN '252490' ELSE '730' END,
                  'type', CASE WHEN g % 4 = 0 THEN 'withdraw' ELSE 'deposit' END,
                  'updatedAt', to_char(u.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
                u.at, u.at, u.at
         FROM generate_series($2::int, $3::int) g,
              LATERAL (SELECT (ARRAY['completed', 'completed', 'completed', 'hold', 'active', 'failed'])[1 + g % 6] AS status) s,
              LATERAL (SELECT to_timestamp(($4::float8 + (g::float8 * $5::float8)) / 1000) AS at) u`,
        [JSON.stringify(wireTrade({})), first, last, base, spanMs / ROWS],
      );
      await db.query(
        `INSERT INTO trade_history (trade_id, status, raw_status, at, observed_at)
         SELECT id, status, raw_status, updated_at, updated_at FROM trades WHERE id = ANY(ARRAY(SELECT 't-' || g FROM generate_series($1::int, $2::int) g))`,
        [first, last],
      );
    }
    await db.query("ANALYZE trades");
    await db.query("ANALYZE trade_history");
    const seedMs = performance.now() - seedStarted;

    type Call = Parameters<ReturnType<typeof teamSourceOver>["call"]>[0];
    let call: <C extends Call>(c: C) => Promise<unknown>;
    if (backend === "pglite") {
      const api = await startInternalApi({
        db,
        dataDir: dir,
        snapshotTerminalTrades: 0,
        log: () => undefined,
        writes: { callbacks: {} as never, backfill: async () => ({}) as never },
      });
      stops.push(() => api.close());
      call = (c) => fromRecorder(dir, "/team", teamAnswerSchemas[c.op] as never, c);
    } else {
      const source = teamSourceOver(db);
      call = (c) => source.call(c);
    }

    const range = { from: new Date(base).toISOString(), to: new Date(base + spanMs + 86_400_000).toISOString(), games: [], types: [], statuses: [] };
    const countStarted = performance.now();
    const { rows: total } = (await call({ op: "trade-export-count", range })) as { rows: number };
    const countMs = performance.now() - countStarted;

    const rss: number[] = [];
    const heap: number[] = [];
    const sample = () => {
      const usage = process.memoryUsage();
      rss.push(usage.rss);
      heap.push(usage.heapUsed);
    };
    sample();
    const sampler = setInterval(sample, 100);
    const started = performance.now();
    const stream = tradeExportCsv(
      (after) => call({ op: "trade-export-page", range, after, limit: EXPORT_PAGE_ROWS }) as never,
      { nowMs: Date.now(), limits: { ...DEFAULT_STALL_LIMITS } },
    );
    let bytes = 0;
    let lineEnds = 0;
    const reader = stream.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      bytes += chunk.value.byteLength;
      for (let i = 0; i < chunk.value.length; i += 1) if (chunk.value[i] === 10) lineEnds += 1;
    }
    const exportMs = performance.now() - started;
    clearInterval(sampler);
    sample();
    const rows = lineEnds - 1;
    if (rows !== total) throw new Error(`exported ${rows} rows, counted ${total}`);
    const figures: Figures = {
      backend,
      rows,
      seedMs,
      countMs,
      exportMs,
      bytes,
      rss: [rss[0] ?? 0, Math.max(...rss), rss.at(-1) ?? 0],
      heap: [heap[0] ?? 0, Math.max(...heap), heap.at(-1) ?? 0],
      rssQuarters: [0.25, 0.5, 0.75].map((q) => rss[Math.floor(q * (rss.length - 1))] ?? 0),
      heapQuarters: [0.25, 0.5, 0.75].map((q) => heap[Math.floor(q * (heap.length - 1))] ?? 0),
    };
    console.log(`FIGURES ${JSON.stringify(figures)}`);
  } finally {
    for (const stop of stops) await stop().catch(() => undefined);
    await db.close().catch(() => undefined);
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const workerAt = process.argv.indexOf("--worker");
if (workerAt >= 0) {
  const backend = process.argv[workerAt + 1];
  if (backend !== "pglite" && backend !== "postgres") throw new Error("--worker pglite|postgres");
  worker(backend).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exit(1);
    },
  );
}
