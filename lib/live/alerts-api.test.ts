import { describe, expect, it } from "vitest";
import { acknowledgeAlert, addTradeNote, assignAlert, fetchStaffDirectory, fetchTradeTeam } from "./alerts-api";
import { makeAlert } from "./testing/alert-fixture";

const answer = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("alerts API client", () => {
  it("posts same-origin JSON and parses the answer", async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const result = await acknowledgeAlert("al/1", async (url, init) => {
      seen.push({ url, init });
      return answer(200, { alert: makeAlert({ acknowledgedAt: "2026-12-06T10:05:00.000Z" }), changed: false })();
    });
    expect(seen[0]?.url).toBe("/api/alerts/al%2F1/acknowledge");
    expect(seen[0]?.init.method).toBe("POST");
    expect(seen[0]?.init.credentials).toBe("same-origin");
    expect(result.ok && result.value.changed).toBe(false);
  });

  it("hands back the server's own message for a refused note", async () => {
    const result = await addTradeNote("t-1", "", answer(400, { error: { code: "invalid_note", message: "A note must not be empty." } }));
    expect(result).toEqual({ ok: false, status: 400, message: "A note must not be empty." });
  });

  it("says in words when the answer is unreadable, the server unreachable or the session over", async () => {
    const unreadable = await fetchTradeTeam("t-1", answer(200, { alerts: "nope" }));
    expect(unreadable.ok).toBe(false);
    const down = await fetchTradeTeam("t-1", async () => {
      throw new TypeError("fetch failed");
    });
    expect(down).toMatchObject({ ok: false, status: 0 });
    const signedOut = await fetchTradeTeam("t-1", async () => new Response("", { status: 401 }));
    expect(signedOut).toMatchObject({ ok: false, status: 401, message: "Your session ended. Sign in again." });
  });

  it("assigns an alert to a chosen person or to nobody", async () => {
    const bodies: unknown[] = [];
    const result = await assignAlert("al-1", null, async (url, init) => {
      expect(url).toBe("/api/alerts/al-1/assign");
      bodies.push(JSON.parse(String(init.body)));
      return answer(200, { alert: makeAlert({ assignee: null }) })();
    });
    expect(bodies).toEqual([{ assignee: null }]);
    expect(result.ok && result.value.alert.assignee).toBeNull();
    const refused = await assignAlert("al-1", "x@y.test", answer(400, { error: { code: "unknown_assignee", message: "\"x@y.test\" is not staff who can be assigned." } }));
    expect(refused).toMatchObject({ ok: false, status: 400, message: expect.stringContaining("not staff") });
  });

  it("reads the staff directory, refusing an entry with a role it does not know", async () => {
    const staff = [{ email: "lead@example.test", role: "admin" }, { email: "ops@example.test", role: "operator" }];
    expect(await fetchStaffDirectory(answer(200, { staff }))).toEqual({ ok: true, value: staff });
    expect((await fetchStaffDirectory(answer(200, { staff: [{ email: "a@b.test", role: "root" }] }))).ok).toBe(false);
  });
});
