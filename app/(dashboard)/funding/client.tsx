"use client";
// The Funding page's interactive half: one ops store for this page and the live session feeding it,
// as on the board (app/(dashboard)/board/client.tsx), around the Funding view.
import { FundingView } from "@/components/funding/funding-view";
import { useLiveSession } from "@/lib/live/use-live-session";
import { OpsStoreProvider } from "@/lib/store/ops-store-provider";
import type { StallLimits } from "@/lib/trades/stall-rules";

interface FundingClientProps {
  stallLimits: Partial<StallLimits>;
  stuckLimitMs: number;
  initialQuery: string;
}

export function FundingClient({ stallLimits, stuckLimitMs, initialQuery }: FundingClientProps) {
  return (
    <OpsStoreProvider options={{ stallLimits }}>
      <FundingPage stuckLimitMs={stuckLimitMs} initialQuery={initialQuery} />
    </OpsStoreProvider>
  );
}

function FundingPage({ stuckLimitMs, initialQuery }: { stuckLimitMs: number; initialQuery: string }) {
  useLiveSession();
  return <FundingView initialQuery={initialQuery} stuckLimitMs={stuckLimitMs} />;
}
