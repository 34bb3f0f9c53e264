import { expect, it } from "vitest";
import type { AuditQuery } from "@/lib/audit/audit-schema";
import { appendAuditEvent, pruneAuditLog, readAuditLog } from "./audit-log";
import { MIGRATIONS, migrate } from "./migrations";
import { openPglite } from "./pglite";
import { describeOnEachBackend } from "./testing/each-backend";

const ALL: AuditQuery = { actor: null, action: null, from: null, to: null, before: null, limit: 100 };
const origin = { address: "10.0.0.7", userAgent: "Mozilla/5.0 test" };
const DAY_MS = 86_400_000;

describeOnEachBackend("audit log", ({ db }) => {
  it("reads newest first with who, what, address and user agent; filters by actor, action and time", async () => {
    await appendAuditEvent(db, { actor: "ann@ops.test", action: "sign-in", ...origin });
    await appendAuditEvent(db, { actor: "bob@ops.test", action: "acknowledge", subject: "stalled:trade:t-1:1", ...origin });
    await appendAuditEvent(db, { actor: "ann@ops.test", action: "note", subject: "t-1", detail: "called", ...origin });

    const all = await readAuditLog(db, ALL);
    expect(all.entries.map((e) => [e.actor, e.action])).toEqual([
      ["ann@ops.test", "note"],
      ["bob@ops.test", "acknowledge"],
      ["ann@ops.test", "sign-in"],
    ]);
    expect(all.entries[0]).toMatchObject({ subject: "t-1", detail: "called", address: "10.0.0.7", userAgent: "Mozilla/5.0 test" });
    expect(all.entries[2]?.subject).toBeNull();
    expect(all.nextCursor).toBeNull();

    expect((await readAuditLog(db, { ...ALL, actor: "ANN@" })).entries.map((e) => e.action)).toEqual(["note", "sign-in"]);
    expect((await readAuditLog(db, { ...ALL, action: "acknowledge" })).entries.map((e) => e.actor)).toEqual(["bob@ops.test"]);
    const future = new Date(Date.now() + DAY_MS).toISOString();
    expect((await readAuditLog(db, { ...ALL, from: future })).entries).toEqual([]);
    expect((await readAuditLog(db, { ...ALL, to: future })).entries).toHaveLength(3);
  });

  it("pages with a cursor, without gaps or repeats", async () => {
    for (let i = 0; i < 5; i += 1) await appendAuditEvent(db, { actor: "ann@ops.test", action: "snooze", subject: `a-${i}`, ...origin });
    const first = await readAuditLog(db, { ...ALL, limit: 2 });
    const second = await readAuditLog(db, { ...ALL, limit: 2, before: first.nextCursor });
    const third = await readAuditLog(db, { ...ALL, limit: 2, before: second.nextCursor });
    expect([...first.entries, ...second.entries, ...third.entries].map((e) => e.subject)).toEqual(["a-4", "a-3", "a-2", "a-1", "a-0"]);
    expect(third.nextCursor).toBeNull();
  });

  it("refuses UPDATE and DELETE, even of old rows, outside the retention pruning", async () => {
    const entry = await appendAuditEvent(db, { actor: "ann@ops.test", action: "sign-in", ...origin });
    await db.query("INSERT INTO audit_log (id, actor, action, at) VALUES ('old', 'ann@ops.test', 'sign-out', now() - interval '400 days')");
    await expect(db.query("UPDATE audit_log SET actor = 'mallory@ops.test' WHERE id = $1", [entry.id])).rejects.toThrow(/append-only/);
    await expect(db.query("DELETE FROM audit_log WHERE id = $1", [entry.id])).rejects.toThrow(/append-only/);
    await expect(db.query("DELETE FROM audit_log WHERE id = 'old'")).rejects.toThrow(/append-only/);
    // A transaction that declares a cutoff still cannot remove what is newer than it, nor update anything.
    await expect(
      db.transaction(async (tx) => {
        await tx.query("SELECT set_config('assetpay_ops.audit_prune_before', $1, true)", [new Date(Date.now() - DAY_MS).toISOString()]);
        await tx.query("DELETE FROM audit_log WHERE id = $1", [entry.id]);
      }),
    ).rejects.toThrow(/append-only/);
    await expect(
      db.transaction(async (tx) => {
        await tx.query("SELECT set_config('assetpay_ops.audit_prune_before', $1, true)", [new Date().toISOString()]);
        await tx.query("UPDATE audit_log SET detail = 'x' WHERE id = 'old'");
      }),
    ).rejects.toThrow(/append-only/);
    expect((await readAuditLog(db, ALL)).entries.map((e) => [e.id, e.actor])).toEqual([
      ["old", "ann@ops.test"],
      [entry.id, "ann@ops.test"],
    ]);
  });

  it("pruning removes only rows older than the retention, and the table is append-only again afterwards", async () => {
    await db.query("INSERT INTO audit_log (id, actor, action, at) VALUES ('old-1', 'ann@ops.test', 'sign-in', now() - interval '400 days')");
    await db.query("INSERT INTO audit_log (id, actor, action, at) VALUES ('old-2', 'ann@ops.test', 'sign-out', now() - interval '366 days')");
    const recent = await appendAuditEvent(db, { actor: "bob@ops.test", action: "note", subject: "t-1", ...origin });
    expect(await pruneAuditLog(db, Date.now() - 365 * DAY_MS)).toBe(2);
    expect((await readAuditLog(db, ALL)).entries.map((e) => e.id)).toEqual([recent.id]);
    expect(await pruneAuditLog(db, Date.now() - 365 * DAY_MS)).toBe(0);
    await expect(db.query("DELETE FROM audit_log")).rejects.toThrow(/append-only/);
  });
});

it("migration 7 keeps the team actions recorded before it, in their time order", async () => {
  const db = await openPglite(null);
  try {
    await migrate(db, MIGRATIONS.filter((migration) => migration.id <= 6));
    await db.query(
      `INSERT INTO team_actions (id, actor, action, subject, detail, at) VALUES
       ('b', 'bob@ops.test', 'note', 't-1', 'hello', now() - interval '1 hour'),
       ('a', 'ann@ops.test', 'acknowledge', 'stalled:trade:t-1:1', null, now() - interval '2 hours')`,
    );
    await migrate(db);
    const added = await appendAuditEvent(db, { actor: "ann@ops.test", action: "sign-out", address: null, userAgent: null });
    const page = await readAuditLog(db, ALL);
    expect(page.entries.map((e) => [e.id, e.action, e.address])).toEqual([
      [added.id, "sign-out", null],
      ["b", "note", null],
      ["a", "acknowledge", null],
    ]);
    expect(page.entries.map((e) => Number(e.seq))).toEqual([3, 2, 1]);
  } finally {
    await db.close();
  }
}, 120_000);
