// The recorder's loopback API for what its dashboard asks of it beyond reads (see ./internal-api):
// the shared AssetPay budget (the dashboard's own REST calls take from the recorder's bucket, so the
// pair spends one budget), a coalesced reconcile when a browser wants fresher data, and the recorded
// state a browser's resync answers with. Request bodies are capped; ids are checked like the route's.
import "server-only";
import type { IncomingMessage } from "node:http";
import { z } from "zod";
import type { BudgetStore } from "@/lib/assetpay/rate-budget";
import type { Database } from "@/lib/db/database";
import { MAX_RESYNC_IDS, readResync } from "@/lib/db/resync-reads";
import type { ReconcileReport } from "@/lib/recorded/types";
import { MAX_ID_LENGTH } from "@/lib/wire/field-schemas";

export interface OnDemand {
  budget: BudgetStore;
  /** Coalesced: at most one extra run per short interval, however many ask. */
  reconcile(): Promise<ReconcileReport>;
}

/** MAX_RESYNC_IDS ids at their longest, plus JSON punctuation. */
const MAX_BODY_BYTES = MAX_RESYNC_IDS * (MAX_ID_LENGTH + 3) + 1_024;
/** The most a caller may wait for a reconcile before taking the recorded state as it is. */
const MAX_RECONCILE_WAIT_MS = 10_000;

const resyncBody = z.object({ tradeIds: z.array(z.string().min(1).max(MAX_ID_LENGTH)).max(MAX_RESYNC_IDS) });
const pauseBody = z.object({ ms: z.number().int().min(0).max(24 * 3_600_000) });

export type OnDemandAnswer = { status: number; body: unknown };

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    return null;
  }
}

const bad = (message: string): OnDemandAnswer => ({ status: 400, body: { error: { code: "bad_body", message } } });

/** The answer for a POST to `pathname`, or null when it is not one of these routes. */
export async function handleOnDemand(pathname: string, url: URL, req: IncomingMessage, db: Database, onDemand: OnDemand | undefined): Promise<OnDemandAnswer | null> {
  if (pathname === "/resync") {
    const body = resyncBody.safeParse(await readJson(req));
    if (!body.success) return bad(`expected { tradeIds } with at most ${MAX_RESYNC_IDS} ids`);
    return { status: 200, body: await readResync(db, body.data.tradeIds) };
  }
  if (!onDemand) return null;
  if (pathname === "/budget/take") return { status: 200, body: { waitMs: await onDemand.budget.take() } };
  if (pathname === "/budget/pause") {
    const body = pauseBody.safeParse(await readJson(req));
    if (!body.success) return bad("expected { ms }");
    await onDemand.budget.pause(body.data.ms);
    return { status: 200, body: { paused: true } };
  }
  if (pathname === "/reconcile") {
    const waitMs = Math.min(MAX_RECONCILE_WAIT_MS, Math.max(0, Number(url.searchParams.get("waitMs")) || 0));
    const run = onDemand.reconcile();
    run.catch(() => undefined);
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), waitMs).unref());
    const report = await Promise.race([run, timeout]);
    return { status: 200, body: { done: report !== null, startedAt: report?.startedAt ?? null } };
  }
  return null;
}
