// The status cell of a trade AssetPay no longer knows: says so in words, with the last status we saw
// on hover. Such a trade is kept for the record but never counted as stalled or in flight.
import { Badge } from "@/components/ui/badge";
import { TRADE_STATUS_INFO } from "@/lib/trades/status-classes";
import type { TradeStatus } from "@/lib/trades/types";

export const MISSING_LABEL = "Not found at AssetPay";

export function MissingBadge({ status, rawStatus }: { status: TradeStatus; rawStatus: string }) {
  const last = status === "unknown" ? rawStatus : TRADE_STATUS_INFO[status].label;
  return (
    <Badge tone="muted" title={`AssetPay answered "trade not found" for this trade; last status seen: ${last}`}>
      {MISSING_LABEL}
    </Badge>
  );
}
