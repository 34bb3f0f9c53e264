// The one way our routes answer with AssetPay trade payloads (the snapshot, a resync): staff whose role
// may not see Steam trade URLs get the answer with every trade URL removed (lib/trades/trade-url-visibility).
import "server-only";
import type { NextResponse } from "next/server";
import type { StaffSession } from "@/lib/auth";
import { can } from "@/lib/auth/roles";
import { withoutTradeUrls } from "@/lib/trades/trade-url-visibility";
import { noStoreJson } from "./json";

export function tradeAnswerFor(staff: StaffSession, body: unknown): NextResponse {
  return noStoreJson(can(staff.role, "see-trade-urls") ? body : withoutTradeUrls(body));
}
