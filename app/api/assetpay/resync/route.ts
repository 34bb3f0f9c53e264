// POST { tradeIds }: the current state of the trades a browser holds as in flight, plus recent
// funding, called after every reconnect, when a hidden tab becomes visible and on a timer. Answered
// from the recorder's store, never from AssetPay: every tab asking AssetPay itself made REST load grow
// with the staff count. The recorder is asked for a reconcile first (coalesced there: any number of
// tabs cause at most one per short interval), waited for briefly, and that reconcile spends the one
// AssetPay budget. Limited per staff member; ids and body bytes are capped. Staff who may not see
// Steam trade URLs get them removed (lib/http/trade-answer.ts).
import { z } from "zod";
import { MAX_RESYNC_IDS, RESYNC_BODY_BYTES, refuseOverResyncRateLimit } from "@/lib/assetpay/resync-limits";
import { recordedSource } from "@/lib/db/recorded-source";
import { readJsonBody } from "@/lib/http/read-json-body";
import { jsonError } from "@/lib/http/json";
import { tradeAnswerFor } from "@/lib/http/trade-answer";
import { withStaff } from "@/lib/http/with-staff";

/** How long a resync waits for the reconcile it asked for before answering with what is recorded. */
const RECONCILE_WAIT_MS = 3_000;

const bodySchema = z.object({ tradeIds: z.array(z.string().min(1).max(128)).max(MAX_RESYNC_IDS) });

export const POST = withStaff(
  async (request, staff) => {
    const overLimit = refuseOverResyncRateLimit(staff.email);
    if (overLimit) return overLimit;
    const raw = await readJsonBody(request, RESYNC_BODY_BYTES);
    if (!raw.ok && raw.reason === "too_large") {
      return jsonError(413, "body_too_large", `A resync body may be at most ${RESYNC_BODY_BYTES} bytes (${MAX_RESYNC_IDS} trade ids).`);
    }
    const body = bodySchema.safeParse(raw.ok ? raw.value : null);
    if (!body.success) {
      return jsonError(400, "invalid_body", `Expected { tradeIds: string[] } with at most ${MAX_RESYNC_IDS} ids of 1-128 characters.`);
    }
    const source = recordedSource();
    const errors: string[] = [];
    const reconciled = await source.requestReconcile(RECONCILE_WAIT_MS).catch((error: unknown) => {
      errors.push(`the recorder could not reconcile: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    });
    const recorded = await source.resync(body.data.tradeIds);
    return tradeAnswerFor(staff, { ...recorded, reconciled, requests: 0, rateLimited: 0, errors });
  },
  { sameOriginOnly: "Resync requests must come from the dashboard's own pages." },
);
