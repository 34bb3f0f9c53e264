// Browser side of the recorder's health: reads `/api/recorder/health` (what the event recorder saw:
// malformed and unknown-status events with their last reasons, and the trades AssetPay no longer
// knows), parses it with zod at the edge, and returns what the store applies. A recorder that is not
// running is not an error the board shows here: the answer is then simply null.
import { recorderHealthReportSchema } from "@/lib/recorded/schema";
import type { RecorderHealthReport } from "@/lib/recorded/types";
import type { RecorderFeed } from "@/lib/store/missing-trades";

export type FetchRecorderHealth = () => Promise<Response>;

const defaultFetch: FetchRecorderHealth = () =>
  fetch("/api/recorder/health", { credentials: "same-origin", cache: "no-store", headers: { accept: "application/json" } });

/** Reasons kept per list, newest last (the recorder sends a few per recorder). */
const REASONS_SHOWN = 5;

/** Several recorders may write one store (PostgreSQL): their counts add up, their reasons interleave. */
export function recorderFeedOf(report: RecorderHealthReport, at: number): RecorderFeed {
  let malformedIgnored = 0;
  let unknownStatusEvents = 0;
  const malformed: string[] = [];
  const unknown: string[] = [];
  for (const { state } of report.recorders) {
    malformedIgnored += state.malformedIgnored;
    unknownStatusEvents += state.unknownStatusEvents;
    malformed.push(...state.lastMalformedReasons);
    unknown.push(...state.lastUnknownStatuses);
  }
  const webhooks = report.recorders.flatMap(({ state }) => (state.alertWebhook ? [state.alertWebhook] : []));
  const latestError = webhooks.filter((w) => w.lastErrorAt !== null).sort((x, y) => Date.parse(y.lastErrorAt ?? "") - Date.parse(x.lastErrorAt ?? ""))[0];
  return {
    diagnostics: {
      ...(webhooks.length === 0
        ? {}
        : {
            alertWebhook: {
              failed: webhooks.reduce((sum, w) => sum + w.failed, 0),
              unknown: webhooks.reduce((sum, w) => sum + w.unknown, 0),
              lastError: latestError?.lastError ?? null,
            },
          }),
      malformedIgnored,
      lastMalformedReasons: malformed.slice(-REASONS_SHOWN),
      unknownStatusEvents,
      lastUnknownStatuses: unknown.slice(-REASONS_SHOWN),
      missingTrades: report.missingTrades.count,
      at,
    },
    missingIds: report.missingTrades.ids,
  };
}

export async function fetchRecorderFeed(now: () => number, fetchImpl: FetchRecorderHealth = defaultFetch): Promise<RecorderFeed | null> {
  let response: Response;
  try {
    response = await fetchImpl();
  } catch {
    return null;
  }
  if (!response.ok) return null;
  const body = recorderHealthReportSchema.safeParse(await response.json().catch(() => null));
  return body.success ? recorderFeedOf(body.data, now()) : null;
}
