"use client";
// The Exposure figures from the browser's store (lib/trades/exposure summarizeExposure), refreshed at
// most once a second in a wall-clock slot of their own (a pass walks every trade held). Each record's
// facts are worked out once: records are immutable, so a WeakMap keyed by the record never goes stale.
import { useMemo } from "react";
import { selectTradesVersion } from "@/lib/store/selectors";
import type { StoredTrade } from "@/lib/store/state";
import { useOpsStoreApi } from "@/lib/store/use-ops-store";
import { type WallClockSlot, useThrottledOpsStore } from "@/lib/store/use-throttled-ops-store";
import { type ExposureFacts, type ExposureSummary, type ExposureWindow, exposureFactsOf, summarizeExposure } from "@/lib/trades/exposure";

const EXPOSURE_PACE: WallClockSlot = { everyMs: 1_000, offsetMs: 350 };

const factsByRecord = new WeakMap<StoredTrade, ExposureFacts>();

function factsOf(record: StoredTrade): ExposureFacts {
  let facts = factsByRecord.get(record);
  if (facts === undefined) {
    facts = exposureFactsOf(record.trade, record.missing === true);
    factsByRecord.set(record, facts);
  }
  return facts;
}

function* allFacts(records: Iterable<StoredTrade>): Iterable<ExposureFacts> {
  for (const record of records) yield factsOf(record);
}

export function useExposureSummary(window: ExposureWindow): ExposureSummary {
  const store = useOpsStoreApi();
  const version = useThrottledOpsStore(selectTradesVersion, EXPOSURE_PACE);
  return useMemo(() => {
    void version;
    return summarizeExposure(allFacts(store.getState().trades.values()), window);
  }, [store, version, window]);
}
