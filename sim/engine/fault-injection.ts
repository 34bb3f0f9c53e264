// Deliberately awkward events for `/__sim/inject`: malformed payloads, statuses no client knows,
// duplicates and stale versions, so a consumer's defences can be tested over the real socket. Builds
// the event only; the engine emits it like any other.

import { EngineError } from "./engine-error";
import type { GroundTruth } from "./ground-truth";
import { iso } from "./time";
import type { Funding, FundingKind, RawEmission, Trade } from "./wire";

export type InjectKind = "malformed" | "unknown-status" | "duplicate" | "out-of-order";

export interface InjectOptions {
  /** malformed only: the exact payload to emit instead of the default broken one. */
  payload?: unknown;
  /** The trade (id or externalId) or funding id to base the event on; default: the most recently changed. */
  id?: string;
}

export function injection(truth: GroundTruth, kind: InjectKind, event: RawEmission["event"], options: InjectOptions): RawEmission {
  if (kind === "malformed") {
    const fallback = event === "trade" ? { trade: { id: 42 } } : { funding: { id: 42, status: 7 } };
    return { event, payload: options.payload === undefined ? fallback : options.payload };
  }
  const fundingKind: FundingKind = event === "deposit" ? "deposit" : "withdrawal";
  const latest =
    options.id !== undefined
      ? event === "trade"
        ? truth.findTrade(options.id)
        : truth.fundings.get(options.id)?.current
      : event === "trade"
        ? latestTrade(truth)
        : latestFunding(truth, fundingKind);
  if (!latest) throw new EngineError("NOTHING_TO_INJECT", options.id ? `no ${event} ${options.id}` : `no ${event} exists yet to base the injection on`);
  const wrap = (value: object): RawEmission =>
    event === "trade" ? { event, payload: { trade: value } } : { event, payload: { funding: value } };
  switch (kind) {
    case "duplicate":
      return wrap(latest);
    case "unknown-status":
      // A newer-looking version so a consumer cannot drop it as stale and must handle the status.
      return wrap({ ...latest, status: event === "trade" ? "teleported" : "TELEPORTED", updatedAt: iso(truth.clock.now()) });
    case "out-of-order": {
      const older =
        event === "trade"
          ? truth.trades.recentSuperseded((r) => options.id === undefined || r.current.id === latest.id)
          : truth.fundings.recentSuperseded((r) => r.kind === fundingKind && (options.id === undefined || r.current.id === latest.id));
      if (older) return wrap(older);
      // Nothing has advanced yet: fabricate the version before the latest one.
      const earlier = new Date(Date.parse(latest.updatedAt) - 60_000).toISOString();
      return wrap({ ...latest, status: event === "trade" ? "initiated" : "INITIATED", updatedAt: earlier });
    }
  }
}

function latestTrade(truth: GroundTruth): Trade | undefined {
  const id = truth.trades.lastChangedId;
  return (id === undefined ? undefined : truth.trades.get(id)?.current) ?? truth.trades.records.values().next().value?.current;
}

function latestFunding(truth: GroundTruth, kind: FundingKind): Funding | undefined {
  let latest: Funding | undefined;
  for (const record of truth.fundings.records.values()) {
    if (record.kind === kind && (!latest || record.current.updatedAt >= latest.updatedAt)) latest = record.current;
  }
  return latest;
}
