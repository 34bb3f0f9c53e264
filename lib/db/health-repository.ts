// Recorder health rows: each running recorder upserts its own row every few seconds, so the app (a
// separate process, maybe on another machine) can show whether recording is alive and how far behind.
// Rows of recorders gone for a day are pruned. The state column is our own JSON, still parsed on read.
import "server-only";
import { z } from "zod";
import type { RecorderHealthRow, RecorderHealthState } from "@/lib/recorded/types";
import type { Database, Queryable } from "./database";
import { recorderHealthStateSchema } from "@/lib/recorded/schema";

export interface HealthIdentity {
  recorderId: string;
  host: string;
  pid: number;
  startedAtMs: number;
}

export async function writeHealth(db: Queryable, who: HealthIdentity, state: RecorderHealthState): Promise<void> {
  await db.query(
    `INSERT INTO recorder_health AS r (recorder_id, host, pid, started_at, heartbeat_at, state)
     VALUES ($1, $2, $3, $4::timestamptz, now(), $5::jsonb)
     ON CONFLICT (recorder_id) DO UPDATE SET heartbeat_at = now(), state = excluded.state`,
    [who.recorderId, who.host, who.pid, new Date(who.startedAtMs).toISOString(), JSON.stringify(state)],
  );
}

export async function removeHealth(db: Queryable, recorderId: string): Promise<void> {
  await db.query("DELETE FROM recorder_health WHERE recorder_id = $1", [recorderId]);
}

const rowSchema = z.object({
  recorder_id: z.string(),
  host: z.string(),
  pid: z.coerce.number(),
  started_at: z.union([z.date(), z.string()]),
  heartbeat_at: z.union([z.date(), z.string()]),
  state: z.unknown(),
});

function iso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

export async function readHealth(db: Database): Promise<{ at: string; rows: RecorderHealthRow[] }> {
  const [clock] = await db.query<{ now: Date | string }>("SELECT now() AS now");
  const raw = await db.query("SELECT recorder_id, host, pid, started_at, heartbeat_at, state FROM recorder_health ORDER BY started_at");
  const rows: RecorderHealthRow[] = [];
  for (const candidate of raw) {
    const row = rowSchema.safeParse(candidate);
    const state = row.success ? recorderHealthStateSchema.safeParse(row.data.state) : null;
    if (!row.success || !state?.success) continue;
    rows.push({
      recorderId: row.data.recorder_id,
      host: row.data.host,
      pid: row.data.pid,
      startedAt: iso(row.data.started_at),
      heartbeatAt: iso(row.data.heartbeat_at),
      state: state.data,
    });
  }
  return { at: clock ? iso(clock.now) : new Date().toISOString(), rows };
}

/** Rows whose recorder stopped heartbeating before `beforeMs`. */
export async function pruneHealth(db: Queryable, beforeMs: number): Promise<void> {
  await db.query("DELETE FROM recorder_health WHERE heartbeat_at < $1::timestamptz", [new Date(beforeMs).toISOString()]);
}
