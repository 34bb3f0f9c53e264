// Browser side of the page-load snapshot: asks `/api/snapshot` for what the server-side recorder holds
// (trades from before this tab opened, with their recorded histories, and recent funding), parses every
// payload at the edge with lib/wire — the same rules as socket events — and returns a result the store
// merges with its newer-only rules. A missing recorder is not fatal: the board then starts empty and
// follows the live socket as before.
import type { StatusChange } from "@/lib/store/state";
import type { SnapshotResult, SnapshotTrade } from "@/lib/store/snapshot";
import type { Funding } from "@/lib/trades/types";
import { recordedSnapshotSchema } from "@/lib/recorded/schema";
import type { RecordedFunding, RecordedStatusChange } from "@/lib/recorded/types";
import { parseFundingEvent, parseLedgerTransaction } from "@/lib/wire/parse-funding";
import { parseList } from "@/lib/wire/parse-list";
import type { ParseResult } from "@/lib/wire/parse-result";
import { parseTrade } from "@/lib/wire/parse-trade";

export class SnapshotSignedOutError extends Error {}

export type FetchSnapshot = () => Promise<Response>;

const defaultFetch: FetchSnapshot = () =>
  fetch("/api/snapshot", { credentials: "same-origin", cache: "no-store", headers: { accept: "application/json" } });

/** Recorded changes as the store keeps them (observedAt in ms). */
export function toStatusChanges(history: readonly RecordedStatusChange[]): StatusChange[] {
  return history.map((change) => ({
    status: change.status,
    rawStatus: change.rawStatus,
    at: change.at,
    observedAt: Date.parse(change.observedAt),
  }));
}

/** A recorded trade: its payload parsed like a socket event's, its recorded history kept beside it. */
function parseRecordedTrade(recorded: { payload?: unknown; history: readonly RecordedStatusChange[]; missing?: boolean }): ParseResult<SnapshotTrade> {
  const parsed = parseTrade(recorded.payload);
  if (!parsed.ok) return parsed;
  const value: SnapshotTrade = { trade: parsed.value, history: toStatusChanges(recorded.history), ...(recorded.missing ? { missing: true } : {}) };
  return { ...parsed, value };
}

/** Recorded funding is kept in the shape it arrived in: a socket event's `funding` or a ledger row. */
function parseRecordedFunding(recorded: RecordedFunding): ParseResult<Funding> {
  return recorded.format === "event" ? parseFundingEvent(recorded.kind, { funding: recorded.payload }) : parseLedgerTransaction(recorded.payload);
}

export async function fetchSnapshot(now: () => number, fetchImpl: FetchSnapshot = defaultFetch): Promise<SnapshotResult> {
  let response: Response;
  try {
    response = await fetchImpl();
  } catch (error) {
    return { trades: [], funding: [], at: now(), error: `Snapshot could not reach the dashboard server: ${String(error)}` };
  }
  if (response.status === 401) throw new SnapshotSignedOutError("staff session ended");
  const body = recordedSnapshotSchema.safeParse(await response.json().catch(() => null));
  if (!response.ok || !body.success) return { trades: [], funding: [], at: now(), error: `Snapshot unavailable (HTTP ${response.status})` };

  const trades = parseList(body.data.trades, parseRecordedTrade);
  const funding = parseList(body.data.funding, parseRecordedFunding);
  const problems = [
    ...trades.failures.map((reason) => `malformed recorded trade ignored: ${reason}`),
    ...funding.failures.map((reason) => `malformed recorded funding ignored: ${reason}`),
  ];
  if (body.data.truncated) problems.push("the snapshot was cut short: more trades in flight than one page load carries");
  return {
    trades: trades.values,
    funding: funding.values,
    at: now(),
    ...(problems.length > 0 ? { error: problems.slice(0, 3).join("; ") } : {}),
  };
}
