import type { Metadata } from "next";
import type { StallRuleRow } from "@/components/trade-board/stall-rules-panel";
import { env, stallLimitsFromEnv } from "@/lib/env/server";
import { isSet } from "@/lib/env/setting";
import { STALL_VARIABLES } from "@/lib/env/stall-limits";
import { requireStaffSession } from "@/lib/auth";
import { boardModeOf } from "@/components/wallboard/board-mode";
import { BoardClient } from "./client";

export const metadata: Metadata = { title: "Board · AssetPay Ops" };

interface BoardPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function BoardPage({ searchParams }: BoardPageProps) {
  // Handed over as a plain query string; the board parses it (lib/trades/board-params) like any URL.
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(await searchParams)) {
    if (typeof value === "string") query.set(name, value);
  }
  const queryString = query.toString();
  // The layout checks too, but layouts are not re-run on client navigation: each page checks itself,
  // and sends a signed-out person back to this exact view (filters, open trade) after signing in.
  await requireStaffSession(queryString ? `/board?${queryString}` : "/board");
  const stallLimits = stallLimitsFromEnv();
  const stallRules: StallRuleRow[] = [
    ...STALL_VARIABLES.map((v) => ({ key: v.key, variable: v.name, meaning: v.meaning, configured: v.key in stallLimits })),
    // Raised by the recorder as a "funding-failed" alert (lib/trades/alert-rules.ts).
    {
      key: "fundingStuck",
      variable: "ALERT_FUNDING_STUCK_SECONDS",
      meaning: "crypto funding awaiting admin (alert)",
      configured: isSet(process.env, "ALERT_FUNDING_STUCK_SECONDS"),
      limitMs: env().alerts.fundingStuckMs,
    },
  ];
  return <BoardClient stallLimits={stallLimits} stallRules={stallRules} initialQuery={queryString} mode={boardModeOf(query)} />;
}
