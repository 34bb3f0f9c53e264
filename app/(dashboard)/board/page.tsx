import type { Metadata } from "next";
import { stallLimitsFromEnv } from "@/lib/env/server";
import { STALL_VARIABLES } from "@/lib/env/stall-limits";
import { requireStaffSession } from "@/lib/auth";
import { BoardClient } from "./client";

export const metadata: Metadata = { title: "Board · AssetPay Ops" };

interface BoardPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function BoardPage({ searchParams }: BoardPageProps) {
  // The layout checks too, but layouts are not re-run on client navigation: each page checks itself.
  await requireStaffSession("/board");
  const stallLimits = stallLimitsFromEnv();
  const stallRules = STALL_VARIABLES.map((v) => ({ key: v.key, variable: v.name, meaning: v.meaning, configured: v.key in stallLimits }));
  // Handed over as a plain query string; the board parses it (lib/trades/board-params) like any URL.
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(await searchParams)) {
    if (typeof value === "string") query.set(name, value);
  }
  return <BoardClient stallLimits={stallLimits} stallRules={stallRules} initialQuery={query.toString()} />;
}
