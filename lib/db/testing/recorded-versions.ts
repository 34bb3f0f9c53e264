// Test-only builders for what the recorder writes: a trade or funding version parsed by lib/wire from a
// wire payload, exactly as the recorder would receive it.
import { T0, iso, wireTrade } from "@/lib/trades/test-fixtures";
import { parseFundingEvent } from "@/lib/wire/parse-funding";
import { parseTrade } from "@/lib/wire/parse-trade";
import type { FundingVersion } from "../funding-writes";
import type { TradeVersion } from "../trade-writes";

/** ISO time `minutes` after the fixtures' T0. */
export const at = (minutes: number): string => iso(T0 + minutes * 60_000);

export function tradeVersion(overrides: Record<string, unknown>): TradeVersion {
  const payload = wireTrade(overrides);
  const parsed = parseTrade(payload);
  if (!parsed.ok) throw new Error(parsed.reason);
  return { trade: parsed.value, payload };
}

export function depositVersion(id: string, status: string, createdMinutes: number, completedMinutes?: number): FundingVersion {
  const payload = {
    id,
    status,
    amounts: { usd: "100.00", token: "100" },
    createdAt: at(createdMinutes),
    ...(completedMinutes === undefined ? {} : { completedAt: at(completedMinutes) }),
  };
  const parsed = parseFundingEvent("deposit", { funding: payload });
  if (!parsed.ok) throw new Error(parsed.reason);
  return { funding: parsed.value, format: "event", payload };
}
