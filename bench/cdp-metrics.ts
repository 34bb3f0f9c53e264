// Readings of a Chromium page over CDP that cost the page nothing (no tracing), shared by the browser
// benchmarks: JS heap after a forced GC, and the renderer main thread's busy time by kind.
import type { CDPSession } from "@playwright/test";

export async function heapMB(cdp: CDPSession): Promise<number> {
  await cdp.send("HeapProfiler.collectGarbage");
  const usage = await cdp.send("Runtime.getHeapUsage");
  return usage.usedSize / 2 ** 20;
}

/** The renderer main thread's busy seconds so far (CDP Performance metrics: no tracing overhead). */
export interface MainThreadSeconds {
  task: number;
  script: number;
  style: number;
  layout: number;
}

export interface MainThreadShares {
  busy: number;
  script: number;
  style: number;
  layout: number;
}

/** What share of `seconds` the main thread spent between two readings. */
export function mainThreadShares(before: MainThreadSeconds | null, after: MainThreadSeconds | null, seconds: number): MainThreadShares | null {
  if (!before || !after) return null;
  const share = (key: keyof MainThreadSeconds) => (after[key] - before[key]) / seconds;
  return { busy: share("task"), script: share("script"), style: share("style"), layout: share("layout") };
}

export async function mainThreadSeconds(cdp: CDPSession | null): Promise<MainThreadSeconds | null> {
  if (!cdp) return null;
  try {
    await cdp.send("Performance.enable");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const read = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
    return { task: read("TaskDuration"), script: read("ScriptDuration"), style: read("RecalcStyleDuration"), layout: read("LayoutDuration") };
  } catch {
    return null;
  }
}

/** A share of time as a percentage, e.g. 0.531 → "53 %". */
export function pct(share: number, decimals = 0): string {
  return `${(share * 100).toFixed(decimals)} %`;
}
