// A trade status as a labelled pill; the meaning in words on hover. Unknown statuses show the raw value.
import { Badge } from "@/components/ui/badge";
import { TRADE_STATUS_INFO } from "@/lib/trades/status-classes";
import type { TradeStatus } from "@/lib/trades/types";
import { STATUS_TONE } from "./trade-labels";

export function StatusBadge({ status, rawStatus }: { status: TradeStatus; rawStatus: string }) {
  const info = TRADE_STATUS_INFO[status];
  const label = status === "unknown" ? `? ${rawStatus}` : info.label;
  return (
    <Badge tone={STATUS_TONE[status]} title={`${rawStatus}: ${info.meaning}`}>
      {label}
    </Badge>
  );
}
