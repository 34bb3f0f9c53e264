import type { Metadata } from "next";
import { requireStaffSession } from "@/lib/auth";
import { env, stallLimitsFromEnv } from "@/lib/env/server";
import { FundingClient } from "./client";

export const metadata: Metadata = { title: "Funding · AssetPay Ops" };

interface FundingPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function FundingPage({ searchParams }: FundingPageProps) {
  // Handed over as a plain query string; the view parses it (lib/trades/funding-params) like any URL.
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(await searchParams)) {
    if (typeof value === "string") query.set(name, value);
  }
  const queryString = query.toString();
  // Each page checks the session itself (layouts are not re-run on client navigation), and sends a
  // signed-out person back to this exact view after signing in.
  await requireStaffSession(queryString ? `/funding?${queryString}` : "/funding");
  // The same limit the recorder's "funding-failed" alert uses (ALERT_FUNDING_STUCK_SECONDS).
  return <FundingClient stallLimits={stallLimitsFromEnv()} stuckLimitMs={env().alerts.fundingStuckMs} initialQuery={queryString} />;
}
