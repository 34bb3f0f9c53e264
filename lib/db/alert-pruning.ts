// Alert retention: acknowledged or cleared alerts whose last change (raised, acknowledged, cleared) is
// older than ALERT_RETENTION_DAYS are deleted; open ones (unacknowledged and still holding) never are.
// One more rule keeps alert ids unique for ever: the latest episode of a (subject, kind) stays while
// its trade or funding is still recorded, because the worker numbers the next episode after it (an
// empty history would raise episode 1, an id it already used). Trade notes and assignees live in their
// own tables, keyed by trade, and are never touched: they are the trade's record. recorder/pruner.ts
// decides when.
import "server-only";
import type { Database } from "./database";
import { deleteInBatches } from "./retention";
import { msTime } from "./sql-values";

export async function pruneAlerts(db: Database, beforeMs: number): Promise<number> {
  const before = msTime(beforeMs);
  if (before === null) return 0;
  return deleteInBatches(
    db,
    `DELETE FROM alerts WHERE id IN (
       SELECT a.id FROM alerts a
       WHERE (a.acknowledged_at IS NOT NULL OR NOT a.active)
         AND GREATEST(a.raised_at, a.acknowledged_at, a.cleared_at) < $1::timestamptz
         AND (EXISTS (SELECT 1 FROM alerts later WHERE later.subject = a.subject AND later.kind = a.kind AND later.episode > a.episode)
           OR (a.trade_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM trades t WHERE t.id = a.trade_id))
           OR (a.funding_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM funding f WHERE f.id = a.funding_id)))
       ORDER BY a.raised_at LIMIT $2
     ) RETURNING 1`,
    [before],
  );
}
