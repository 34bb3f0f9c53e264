// The recorder's pruner keeps the audit log for AUDIT_RETENTION_DAYS, apart from the recorded trades'
// retention, and gets through the audit log's append-only trigger only for rows past it.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "@/lib/db/database";
import { testBackend } from "@/lib/db/testing/test-databases";
import { createPruner } from "./pruner";

const backend = testBackend("pglite");
let db: Database;

beforeAll(async () => {
  db = (await backend.open()).db;
}, 120_000);
afterAll(() => backend.close());

it("prunes audit log rows older than the audit retention, not the trades' retention", async () => {
  await db.query(
    `INSERT INTO audit_log (id, actor, action, at) VALUES
     ('year-old', 'ann@ops.test', 'sign-in', now() - interval '400 days'),
     ('month-old', 'ann@ops.test', 'note', now() - interval '40 days'),
     ('today', 'ann@ops.test', 'sign-out', now())`,
  );
  const lines: string[] = [];
  const pruner = createPruner({ db, retentionDays: 30, auditRetentionDays: 365, alertRetentionDays: 90, log: (line) => lines.push(line), onResult: () => undefined });
  expect(await pruner.run()).toEqual({ trades: 0, funding: 0 });
  const left = await db.query<{ id: string }>("SELECT id FROM audit_log ORDER BY at");
  expect(left.map((row) => row.id)).toEqual(["month-old", "today"]);
  expect(lines).toEqual(["pruned 1 audit log rows older than 365 days"]);
});
