// Writes what the alert worker decided (recorder/alert-worker.ts): for each evaluated subject and kind,
// raise a new episode, end the running one, or leave it. Idempotent across recorders: an episode is
// inserted with ON CONFLICT DO NOTHING on (subject, kind, episode), so two recorders evaluating the
// same trade at once raise it once, and a recorder restarted mid-pass raises nothing twice.
import "server-only";
import { alertId, nextAlertStep, type AlertCondition } from "@/lib/trades/alert-rules";
import type { AlertKind } from "@/lib/trades/alert-types";
import type { Database } from "./database";

export interface SubjectEvaluation {
  subject: string;
  tradeId: string | null;
  fundingId: string | null;
  game: "cs2" | "rust" | null;
  /** The kinds this evaluation decides (a kind not listed keeps its state). */
  kinds: readonly AlertKind[];
  /** The conditions that hold now (a subset of `kinds`). */
  holding: readonly AlertCondition[];
}

export interface RaiseOutcome {
  raised: string[];
  cleared: number;
}

export async function applyAlertEvaluations(
  db: Database,
  evaluations: readonly SubjectEvaluation[],
  options: { deliver: boolean },
): Promise<RaiseOutcome> {
  const outcome: RaiseOutcome = { raised: [], cleared: 0 };
  if (evaluations.length === 0) return outcome;
  const latest = new Map<string, { episode: number; active: boolean }>();
  const rows = await db.query<{ subject: string; kind: string; episode: number; active: boolean }>(
    `SELECT DISTINCT ON (subject, kind) subject, kind, episode, active FROM alerts
     WHERE subject = ANY($1::text[]) ORDER BY subject, kind, episode DESC`,
    [evaluations.map((evaluation) => evaluation.subject)],
  );
  for (const row of rows) latest.set(`${row.kind} ${row.subject}`, { episode: Number(row.episode), active: row.active });

  for (const evaluation of evaluations) {
    for (const kind of evaluation.kinds) {
      const condition = evaluation.holding.find((holding) => holding.kind === kind);
      const current = latest.get(`${kind} ${evaluation.subject}`) ?? null;
      const step = nextAlertStep(current, condition !== undefined);
      if (step.do === "raise" && condition) {
        const id = alertId(evaluation.subject, kind, step.episode);
        const inserted = await db.query(
          `INSERT INTO alerts (id, subject, kind, episode, trade_id, funding_id, game, reason, delivery_due_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $9::boolean THEN now() END)
           ON CONFLICT DO NOTHING RETURNING id`,
          [id, evaluation.subject, kind, step.episode, evaluation.tradeId, evaluation.fundingId, evaluation.game, condition.reason, options.deliver],
        );
        if (inserted.length > 0) outcome.raised.push(id);
      } else if (step.do === "clear" && current) {
        const cleared = await db.query(
          `UPDATE alerts SET active = false, cleared_at = now(), version = nextval('alert_versions')
           WHERE subject = $1 AND kind = $2 AND episode = $3 AND active RETURNING id`,
          [evaluation.subject, kind, current.episode],
        );
        outcome.cleared += cleared.length;
      }
    }
  }
  return outcome;
}
