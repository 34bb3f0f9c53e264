// The two writes that go through the running recorder's own writer, whatever the storage: a forwarded
// callback the app has verified, and a backfill import of trade refs. The recorder announces its
// loopback API in RECORDER_DATA_DIR (./recorder-endpoint.ts); its answers are parsed with zod like any
// outside value. Throws RecorderUnavailableError with a one-line reason when it cannot be reached.
import "server-only";
import type { z } from "zod";
import { type CallbackDelivery, type CallbackOutcome, callbackOutcomeSchema } from "@/lib/assetpay/callback-delivery";
import { type BackfillSummary, backfillSummarySchema } from "@/lib/recorded/backfill-summary";
import { RecorderUnavailableError } from "./recorded-source";
import { readRecorderEndpoint } from "./recorder-endpoint";

async function postToRecorder<T>(dataDir: string, route: string, body: unknown, schema: z.ZodType<T>, timeoutMs: number): Promise<T> {
  const endpoint = readRecorderEndpoint(dataDir);
  if ("missing" in endpoint) throw new RecorderUnavailableError(endpoint.missing);
  let response: Response;
  try {
    response = await fetch(`${endpoint.url}${route}`, {
      method: "POST",
      headers: { authorization: `Bearer ${endpoint.secret}`, "content-type": "application/json" },
      body: JSON.stringify(body),
      cache: "no-store",
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new RecorderUnavailableError(`the recorder (pid ${endpoint.pid}) did not answer: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = schema.safeParse(await response.json().catch(() => null));
  if (!response.ok || !parsed.success) throw new RecorderUnavailableError(`the recorder answered ${route} with HTTP ${response.status}`);
  return parsed.data;
}

/** Hands a verified callback to the recorder; resolves once it is recorded (or known to be a duplicate). */
export function deliverCallbackToRecorder(dataDir: string, delivery: CallbackDelivery): Promise<CallbackOutcome> {
  return postToRecorder(dataDir, "/callbacks", delivery, callbackOutcomeSchema, 10_000);
}

/** Up to MAX_REFS_PER_IMPORT_REQUEST refs per call; the recorder looks them up 100 at a time. */
export function importRefsThroughRecorder(dataDir: string, refs: readonly string[]): Promise<BackfillSummary> {
  return postToRecorder(dataDir, "/import", { refs }, backfillSummarySchema, 10 * 60_000);
}
