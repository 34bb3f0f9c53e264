// `npm run recorder:import -- refs.txt`: hands the running recorder a list of trade refs — AssetPay
// trade ids or the merchant's own order ids (externalIds), one per line, `#` comments and blank lines
// ignored, `-` for stdin — to look up and record: trades that started while every socket was down or
// before the dashboard was installed, which no reconcile would ever find. Prints progress and a summary
// (found, new, updated, not found). Uses the same RECORDER_DATA_DIR as the recorder to find it.
import { readFileSync } from "node:fs";
import { parseRecorderEnv } from "@/lib/env/recorder";
import { readRecorderEndpoint } from "@/lib/db/recorder-endpoint";
import { importRefsThroughRecorder } from "@/lib/db/recorder-writes";
import { addBackfillSummaries, emptyBackfillSummary, MAX_REFS_PER_IMPORT_REQUEST } from "@/lib/recorded/backfill-summary";
import { MAX_ID_LENGTH } from "@/lib/wire/field-schemas";

const say = (line: string) => console.log(`[import] ${line}`);

export function refsFromText(text: string): { refs: string[]; skipped: number } {
  const refs = new Set<string>();
  let skipped = 0;
  for (const line of text.split(/\r?\n/)) {
    const ref = line.replace(/#.*$/, "").trim();
    if (ref === "") continue;
    if (ref.length > MAX_ID_LENGTH || /[\s,]/.test(ref)) skipped += 1;
    else refs.add(ref);
  }
  return { refs: [...refs], skipped };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  // --wait: the recorder may still be starting (npm start's demo wiring); wait for its endpoint file.
  const wait = args.includes("--wait");
  const file = args.find((arg) => arg !== "--wait");
  if (!file) {
    console.error("usage: npm run recorder:import -- refs.txt   (one trade id or externalId per line; - reads stdin)");
    process.exit(2);
  }
  const dataDir = parseRecorderEnvOrDefault();
  if (wait) await waitForRecorder(dataDir, 60_000);
  const { refs, skipped } = refsFromText(readFileSync(file === "-" ? 0 : file, "utf8"));
  if (skipped > 0) say(`${skipped} line(s) skipped: not a single ref of at most ${MAX_ID_LENGTH} characters`);
  say(`importing ${refs.length} refs through the recorder for ${dataDir}`);
  const total = emptyBackfillSummary();
  for (let start = 0; start < refs.length; start += MAX_REFS_PER_IMPORT_REQUEST) {
    addBackfillSummaries(total, await importRefsThroughRecorder(dataDir, refs.slice(start, start + MAX_REFS_PER_IMPORT_REQUEST)));
    say(`${Math.min(start + MAX_REFS_PER_IMPORT_REQUEST, refs.length)}/${refs.length}: ${total.found} found, ${total.notFound} not found`);
  }
  say(`done: ${total.found} found (${total.new} new, ${total.updated} updated), ${total.notFound} not found, ${total.failed} failed, ${total.requests} AssetPay requests`);
  for (const error of total.errors) say(`problem: ${error}`);
  if (total.failed > 0) process.exit(1);
}

async function waitForRecorder(dataDir: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && "missing" in readRecorderEndpoint(dataDir)) await new Promise((resolve) => setTimeout(resolve, 200));
}

/** Only RECORDER_DATA_DIR matters here; the recorder itself holds the key. */
function parseRecorderEnvOrDefault(): string {
  try {
    return parseRecorderEnv({ ...process.env, ASSETPAY_API_KEY: process.env.ASSETPAY_API_KEY || "ap_unused_here" }).recorder.dataDir;
  } catch (error) {
    console.error(`[import] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

if (process.argv[1]?.endsWith("recorder-import.ts")) {
  main().catch((error: unknown) => {
    console.error(`[import] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
