// Browser side of one trade's recorded history (`/api/trades/{id}/history`): every status change any
// recorder observed, parsed at the edge. No React: the drawer asks through
// components/trade-board/use-recorded-history.ts.
import type { StatusChange } from "@/lib/store/state";
import { recordedTradeHistorySchema } from "@/lib/recorded/schema";
import { toStatusChanges } from "./snapshot-client";

export type RecordedHistoryAnswer =
  | { state: "recorded"; history: StatusChange[] }
  /** No recorder has seen this trade (it predates the recorder, or was pruned). */
  | { state: "unrecorded"; history: [] }
  /** `reason` is a short phrase the drawer shows in brackets. */
  | { state: "unavailable"; history: []; reason: string };

export type FetchHistory = (tradeId: string, signal?: AbortSignal) => Promise<Response>;

const defaultFetch: FetchHistory = (tradeId, signal) =>
  fetch(`/api/trades/${encodeURIComponent(tradeId)}/history`, {
    credentials: "same-origin",
    cache: "no-store",
    headers: { accept: "application/json" },
    ...(signal ? { signal } : {}),
  });

export async function fetchRecordedHistory(tradeId: string, signal?: AbortSignal, fetchImpl: FetchHistory = defaultFetch): Promise<RecordedHistoryAnswer> {
  let response: Response;
  try {
    response = await fetchImpl(tradeId, signal);
  } catch (error) {
    return { state: "unavailable", history: [], reason: `could not reach the dashboard server: ${String(error)}` };
  }
  if (!response.ok) return { state: "unavailable", history: [], reason: `HTTP ${response.status}` };
  const body = recordedTradeHistorySchema.safeParse(await response.json().catch(() => null));
  if (!body.success || body.data.tradeId !== tradeId) return { state: "unavailable", history: [], reason: "unreadable answer" };
  if (!body.data.known) return { state: "unrecorded", history: [] };
  return { state: "recorded", history: toStatusChanges(body.data.history) };
}
