// Trends benchmark: the trend SQL (lib/db/trend-reads.ts) over 1,000,000 recorded trades (about 3.2
// million status changes over 7 days) on PGlite and on PostgreSQL: each range's query (1 h, 24 h, 7 d)
// and 7 days of minute buckets; then the charts drawing 7 days of minute buckets in Chromium, counting
// long tasks (./trends-draw.ts). The SQL work runs in ./trends-queries.ts in a child process under the
// react-server condition (lib/db is server-only, as the recorder runs it). Prints figures only.
import { spawn } from "node:child_process";
import path from "node:path";
import { runTrendsDrawBench } from "./trends-draw";

export async function runTrendsBench({ log, trades = 1_000_000 }: { log: (line: string) => void; trades?: number }): Promise<void> {
  const root = path.resolve(__dirname, "..");
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  const child = spawn(tsx, ["--conditions=react-server", path.join(__dirname, "trends-queries.ts"), String(trades)], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  child.stdout.setEncoding("utf8");
  let pending = "";
  child.stdout.on("data", (chunk: string) => {
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) log(`  ${line}`);
  });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (pending) log(`  ${pending}`);
  if (code !== 0) throw new Error(`the trends bench exited with ${code}`);
  await runTrendsDrawBench(log);
}
