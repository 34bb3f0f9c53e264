// The dashboard's side of the one AssetPay budget: its REST calls (API-minted client tokens, the
// balance) take from the bucket its recorder holds, over the recorder's loopback API, so a dashboard
// and its recorder never spend two budgets. While the recorder cannot be reached (down, or too slow to
// answer), a small bucket in this process stands in: a sixth of the rate and a small burst (a token
// mint, the merchant-id lookup and a balance read at start), so the two together stay within the
// budget plus a sixth even when the recorder is alive but slow (measured in bench/RESULTS.md: a
// same-rate stand-in let 50 busy tabs reach 73 calls a minute on a 60 budget).
import "server-only";
import { z } from "zod";
import { readRecorderEndpoint } from "@/lib/db/recorder-endpoint";
import { type BucketConfig, type BudgetStore, memoryBudgetStore } from "./rate-budget";

const takeAnswer = z.object({ waitMs: z.number().min(0) });
const TIMEOUT_MS = 2_000;

async function post(dataDir: string, route: string, body: unknown): Promise<unknown> {
  const endpoint = readRecorderEndpoint(dataDir);
  if ("missing" in endpoint) throw new Error(endpoint.missing);
  const response = await fetch(`${endpoint.url}${route}`, {
    method: "POST",
    headers: { authorization: `Bearer ${endpoint.secret}`, "content-type": "application/json" },
    body: JSON.stringify(body),
    cache: "no-store",
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`the recorder answered ${route} with HTTP ${response.status}`);
  return response.json();
}

/** The stand-in's share of the budget while the recorder's bucket cannot be reached. */
export function standInBucket(config: BucketConfig): BucketConfig {
  return { perMinute: Math.max(6, Math.floor(config.perMinute / 6)), burst: Math.min(config.burst, 3) };
}

export function recorderBudgetStore(dataDir: string, config: BucketConfig, log: (line: string) => void = console.error): BudgetStore {
  const standIn = memoryBudgetStore(standInBucket(config));
  let usingStandIn = false;
  function fellBack(error: unknown): void {
    if (!usingStandIn) log(`[assetpay] recorder's budget unreachable, using this process's own: ${error instanceof Error ? error.message : String(error)}`);
    usingStandIn = true;
  }
  return {
    async take() {
      try {
        const answer = takeAnswer.parse(await post(dataDir, "/budget/take", {}));
        usingStandIn = false;
        return answer.waitMs;
      } catch (error) {
        fellBack(error);
        return standIn.take();
      }
    },
    async pause(ms) {
      await standIn.pause(ms);
      try {
        await post(dataDir, "/budget/pause", { ms: Math.round(ms) });
      } catch (error) {
        fellBack(error);
      }
    },
  };
}
