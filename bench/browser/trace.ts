// A few seconds of Chromium's own trace (style, layout, paint, scripting) while a phase runs, saved
// for DevTools' Performance panel (BENCH_PROFILE_DIR; see bench/run.ts).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { CDPSession } from "@playwright/test";
import { sleep } from "./sim-control";

export async function saveTrace(cdp: CDPSession, file: string, ms: number): Promise<void> {
  const events: unknown[] = [];
  const collect = (data: { value: unknown[] }) => events.push(...data.value);
  cdp.on("Tracing.dataCollected", collect);
  const done = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
  // BENCH_TRACE_CATEGORIES adds categories, e.g. disabled-by-default-devtools.timeline.invalidationTracking
  // (which element's change caused each repaint).
  const extra = process.env.BENCH_TRACE_CATEGORIES ? `,${process.env.BENCH_TRACE_CATEGORIES}` : "";
  await cdp.send("Tracing.start", { categories: `devtools.timeline,disabled-by-default-devtools.timeline,blink,v8${extra}`, transferMode: "ReportEvents" });
  await sleep(ms);
  await cdp.send("Tracing.end");
  await done;
  cdp.off("Tracing.dataCollected", collect);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ traceEvents: events }));
}
