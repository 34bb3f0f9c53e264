// A merchant funding status with its (inferred) meaning visible in words.
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { FUNDING_STATUS_INFO } from "@/lib/trades/funding-status";
import type { FundingStatus } from "@/lib/trades/types";

const TONE: Record<FundingStatus, BadgeTone> = {
  initiated: "neutral",
  pending: "info",
  pending_admin: "warning",
  approved: "progress",
  rejected: "danger",
  completed: "success",
  failed: "danger",
  cancelled: "muted",
  refunded: "muted",
  expired: "muted",
  posted: "success",
  unknown: "warning",
};

export function FundingStatusBadge({ status, rawStatus }: { status: FundingStatus; rawStatus: string }) {
  const info = FUNDING_STATUS_INFO[status];
  return (
    <Badge tone={TONE[status]} title={`${rawStatus}: ${info.meaning}`}>
      {status === "unknown" ? `? ${rawStatus}` : info.label}
    </Badge>
  );
}
