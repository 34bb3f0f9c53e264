// Staff sessions on the store (both backends) and in an app's own memory hold to one behaviour: open
// until ended, ended for good, idle ends them once, last_seen_at written at most once a minute.
import { describe, expect, it } from "vitest";
import { type NewStaffSession, type StaffSessionStore, staffSessionStoreOver } from "./staff-sessions";
import { memoryStaffSessionStore } from "./staff-sessions-memory";
import { describeOnEachBackend } from "./testing/each-backend";

const IDLE = 3_600;

const session = (id: string, email = "ops@example.test"): NewStaffSession => ({
  id: id.padEnd(32, "x"),
  email,
  role: "operator",
  provider: "credentials",
  expiresAt: new Date(Date.now() + 8 * 3_600_000).toISOString(),
  address: "127.0.0.1",
  userAgent: "test",
});

/** `age(id, seconds)`: make a session's last request that much older; `sinceSeen(id)`: how long ago it was, in ms. */
function behaves(name: string, setup: () => { store: StaffSessionStore; age: (id: string, seconds: number) => Promise<void>; sinceSeen: (id: string) => Promise<number> }) {
  describe(name, () => {
    it("answers the role this email signed in with before, so a change can be audited", async () => {
      const { store } = setup();
      expect(await store.open(session("r1", "lead@example.test"))).toEqual({ previousRole: null });
      expect(await store.open({ ...session("r2", "lead@example.test"), role: "admin" })).toEqual({ previousRole: "operator" });
      expect(await store.open({ ...session("r3", "lead@example.test"), role: "admin" })).toEqual({ previousRole: "admin" });
      expect(await store.open({ ...session("r4", "lead@example.test"), role: null })).toEqual({ previousRole: null });
      expect(await store.open(session("r5", "other@example.test"))).toEqual({ previousRole: null });
    });

    it("is open from sign-in until ended, and an ended session never opens again", async () => {
      const { store } = setup();
      const a = session("a");
      await store.open(a);
      expect(await store.check(a.id, IDLE)).toEqual({ state: "open" });
      expect(await store.end(a.id, "sign-out")).toEqual({ email: "ops@example.test" });
      expect(await store.end(a.id, "sign-out")).toBeNull();
      expect(await store.check(a.id, IDLE)).toEqual({ state: "ended", email: "ops@example.test", reason: "sign-out", endedNow: false });
      expect(await store.check("unknown".padEnd(32, "x"), IDLE)).toMatchObject({ state: "ended", email: null });
    });

    it("ends all of one staff member's sessions and leaves the others open", async () => {
      const { store } = setup();
      for (const s of [session("a"), session("b"), session("c", "lead@example.test")]) await store.open(s);
      expect(await store.endAllOf("ops@example.test", "revoked")).toBe(2);
      expect((await store.check(session("b").id, IDLE)).state).toBe("ended");
      expect((await store.check(session("c").id, IDLE)).state).toBe("open");
      expect((await store.listOpen(IDLE)).map((view) => view.email)).toEqual(["lead@example.test"]);
    });

    it("ends an idle session once, and writes last_seen_at at most once a minute", async () => {
      const { store, age, sinceSeen } = setup();
      const a = session("a");
      await store.open(a);
      await age(a.id, 30);
      await store.check(a.id, IDLE);
      expect(await sinceSeen(a.id)).toBeGreaterThanOrEqual(30_000);
      await age(a.id, 40);
      await store.check(a.id, IDLE);
      expect(await sinceSeen(a.id)).toBeLessThan(5_000);
      await age(a.id, IDLE + 1);
      expect(await store.check(a.id, IDLE)).toEqual({ state: "ended", email: "ops@example.test", reason: "idle", endedNow: true });
      expect(await store.check(a.id, IDLE)).toMatchObject({ state: "ended", reason: "idle", endedNow: false });
      expect(await store.listOpen(IDLE)).toEqual([]);
    });

    it("lists open sessions with who, when and from where", async () => {
      const { store } = setup();
      await store.open(session("a"));
      expect(await store.listOpen(IDLE)).toEqual([
        expect.objectContaining({ email: "ops@example.test", role: "operator", provider: "credentials", address: "127.0.0.1", userAgent: "test" }),
      ]);
    });
  });
}

describeOnEachBackend("staff sessions", ({ db }) => {
  behaves("on the store", () => ({
    store: staffSessionStoreOver(db),
    age: async (id, seconds) => {
      await db.query("UPDATE staff_sessions SET last_seen_at = last_seen_at - $2::double precision * interval '1 second' WHERE id = $1", [id, seconds]);
    },
    sinceSeen: async (id) => {
      const [row] = await db.query<{ ms: number | string }>("SELECT extract(epoch FROM now() - last_seen_at) * 1000 AS ms FROM staff_sessions WHERE id = $1", [id]);
      return Number(row?.ms);
    },
  }));
});

describe("staff sessions in memory", () => {
  behaves("in the app's memory", () => {
    let nowMs = Date.now();
    const store = memoryStaffSessionStore(() => nowMs);
    return {
      store,
      // One session per test here, so moving the clock ages just it.
      age: async (_id, seconds) => {
        nowMs += seconds * 1_000;
      },
      sinceSeen: async () => {
        const [view] = await store.listOpen(1e9);
        return view ? nowMs - Date.parse(view.lastSeenAt) : Number.NaN;
      },
    };
  });
});
