// Saved views on the store, through the team call list (the path both the app and the recorder's
// loopback API take), on PGlite and PostgreSQL: who sees which view, names unique per owner ignoring
// case, only the owner renames, an admin deletes a shared view but nobody deletes another's personal
// one, the default view follows the view, and shared views are audited when made and deleted.
import { expect, it } from "vitest";
import { MAX_VIEWS_PER_OWNER } from "@/lib/trades/saved-view";
import { readAuditLog } from "./audit-log";
import { teamSourceOver } from "./team-source";
import { describeOnEachBackend } from "./testing/each-backend";

const A = "ann@example.test";
const B = "bob@example.test";
const ORIGIN = { address: "127.0.0.1", userAgent: "test" };

describeOnEachBackend("saved views", ({ db }) => {
  const team = () => teamSourceOver(db);
  const create = async (owner: string, name: string, shared: boolean, query = "game=rust") => {
    const answer = await team().call({ op: "view-create", owner, name, shared, query, ...ORIGIN });
    if (answer.outcome !== "created") throw new Error(`expected ${name} to be created`);
    return answer.view;
  };
  const names = async (email: string) => (await team().call({ op: "views-list", email })).views.map((v) => `${v.owner}:${v.name}`);

  it("lists my views, then every other shared one, each by name, never another's personal view", async () => {
    await create(A, "Rust holds", true, "game=rust&status=hold");
    await create(A, "a private one", false);
    await create(B, "Bob's", false);
    expect(await names(A)).toEqual([`${A}:a private one`, `${A}:Rust holds`]);
    expect(await names(B)).toEqual([`${B}:Bob's`, `${A}:Rust holds`]);
    const [shared] = (await team().call({ op: "views-list", email: B })).views.filter((v) => v.shared);
    expect(shared).toMatchObject({ owner: A, name: "Rust holds", query: "game=rust&status=hold", shared: true });
    expect(Date.parse(shared?.createdAt ?? "")).not.toBeNaN();
  });

  it("keeps at most MAX_VIEWS_PER_OWNER views per owner", async () => {
    for (let i = 0; i < MAX_VIEWS_PER_OWNER; i += 1) await create(A, `View ${i}`, false);
    expect(await team().call({ op: "view-create", owner: A, name: "One more", shared: false, query: "", ...ORIGIN })).toEqual({ outcome: "too-many" });
    await create(B, "Bob's first", false);
  });

  it("keeps names unique per owner, ignoring case, but two owners may use one name", async () => {
    await create(A, "Stalled", false);
    expect(await team().call({ op: "view-create", owner: A, name: "stalled", shared: true, query: "", ...ORIGIN })).toEqual({ outcome: "duplicate" });
    await create(B, "Stalled", false);
    expect(await names(A)).toEqual([`${A}:Stalled`]);
  });

  it("lets only the owner rename, and refuses a name the owner already uses", async () => {
    const view = await create(A, "One", true);
    await create(A, "Two", false);
    expect(await team().call({ op: "view-rename", id: view.id, email: B, name: "Mine now" })).toEqual({ outcome: "not-owner" });
    expect(await team().call({ op: "view-rename", id: view.id, email: A, name: "TWO" })).toEqual({ outcome: "duplicate" });
    const renamed = await team().call({ op: "view-rename", id: view.id, email: A, name: "one" });
    expect(renamed).toMatchObject({ outcome: "renamed", view: { id: view.id, name: "one", query: "game=rust" } });
    expect(await team().call({ op: "view-rename", id: "no-such-view", email: A, name: "x" })).toEqual({ outcome: "not-found" });
  });

  it("deletes for the owner; a shared view also for an admin; another's personal view is not found", async () => {
    const personal = await create(A, "Personal", false);
    const shared = await create(A, "Shared", true);
    const del = (id: string, email: string, mayDeleteShared: boolean) => team().call({ op: "view-delete", id, email, mayDeleteShared, ...ORIGIN });
    expect(await del(personal.id, B, true)).toEqual({ outcome: "not-found" });
    expect(await del(shared.id, B, false)).toEqual({ outcome: "not-allowed" });
    expect(await del(shared.id, B, true)).toEqual({ outcome: "deleted" });
    expect(await del(shared.id, A, false)).toEqual({ outcome: "not-found" });
    expect(await del(personal.id, A, false)).toEqual({ outcome: "deleted" });
    expect(await names(A)).toEqual([]);
  });

  it("keeps one default per staff member, only among views they see, gone with the view", async () => {
    const mine = await create(A, "Mine", false);
    const shared = await create(A, "Shared", true);
    const setDefault = (email: string, viewId: string | null) => team().call({ op: "view-default", email, viewId });
    expect(await setDefault(B, mine.id)).toBeNull();
    expect(await setDefault(B, shared.id)).toEqual({ defaultViewId: shared.id });
    expect(await setDefault(A, mine.id)).toEqual({ defaultViewId: mine.id });
    expect(await setDefault(A, shared.id)).toEqual({ defaultViewId: shared.id });
    expect((await team().call({ op: "views-list", email: A })).defaultViewId).toBe(shared.id);
    await team().call({ op: "view-delete", id: shared.id, email: A, mayDeleteShared: false, ...ORIGIN });
    expect((await team().call({ op: "views-list", email: B })).defaultViewId).toBeNull();
    expect(await setDefault(A, mine.id)).toEqual({ defaultViewId: mine.id });
    expect(await setDefault(A, null)).toEqual({ defaultViewId: null });
    expect((await team().call({ op: "views-list", email: A })).defaultViewId).toBeNull();
  });

  it("audits creating and deleting a shared view, with who and from where, but not personal ones", async () => {
    const shared = await create(A, "Team view", true, "stalled=1");
    const personal = await create(A, "Just me", false);
    await team().call({ op: "view-delete", id: personal.id, email: A, mayDeleteShared: false, ...ORIGIN });
    await team().call({ op: "view-delete", id: shared.id, email: B, mayDeleteShared: true, ...ORIGIN });
    const page = await readAuditLog(db, { actor: null, action: null, from: null, to: null, before: null, limit: 50 });
    expect(page.entries.map((e) => [e.action, e.actor, e.subject, e.detail, e.address])).toEqual([
      ["shared-view-deleted", B, "Team view", `stalled=1 (owner ${A})`, "127.0.0.1"],
      ["shared-view-created", A, "Team view", "stalled=1", "127.0.0.1"],
    ]);
  });
});
