// How much one browser resync may ask for, and how often one staff member may ask. A resync reads the
// recorder's store (and asks for one coalesced reconcile), so the limits guard the dashboard server and
// its database; AssetPay is guarded by the one budget behind the recorder.
import "server-only";
import type { NextResponse } from "next/server";
import { staffRateLimit } from "@/lib/auth/staff-rate-limit";
import { env } from "@/lib/env/server";
import { MAX_RESYNC_IDS } from "@/lib/db/resync-reads";

export { MAX_RESYNC_IDS };
/** Body bytes per resync: MAX_RESYNC_IDS ids of up to 128 characters, quoted, plus the frame; beyond it 413. */
export const RESYNC_BODY_BYTES = MAX_RESYNC_IDS * 131 + 1_024;
/**
 * A tab resyncs after its snapshot, after each reconnect, when it becomes visible (at most every 10 s),
 * every 5 minutes, and again while the recorder had not caught up: one person's twenty tabs opening at
 * once stay under the default (RESYNC_PER_STAFF_PER_MINUTE, 240); a loop does not.
 */
export function refuseOverResyncRateLimit(email: string): NextResponse | null {
  return staffRateLimit("resync", env().resyncsPerStaffPerMinute, "resync requests").refuse(email);
}
