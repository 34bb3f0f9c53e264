// The recorder's health at the browser edge: parsed with zod, counts of several recorders added up,
// the last reasons kept in words, the missing trades passed on; a refused or broken answer is null.
import { describe, expect, it } from "vitest";
import { fetchRecorderFeed } from "./recorder-health-client";

const AT = "2026-05-01T10:00:00.000Z";

function recorder(id: string, malformed: number, reasons: string[]) {
  return {
    recorderId: id,
    host: "ops-1",
    pid: 1,
    startedAt: AT,
    heartbeatAt: AT,
    alive: true,
    sinceLastEventMs: 0,
    state: {
      connected: true,
      connectedSince: AT,
      reconnects: 0,
      eventsRecorded: 10,
      malformedIgnored: malformed,
      lastMalformedReasons: reasons,
      unknownStatusEvents: 1,
      lastUnknownStatuses: [`trade t-${id}: status "queued"`],
      lastEventAt: AT,
      lastEventLagMs: 5,
      lastReconcile: null,
      lastPrune: null,
      lastError: null,
    },
  };
}

const answer = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status });

describe("fetchRecorderFeed", () => {
  it("adds up the recorders' counts and passes on their reasons and the missing trades", async () => {
    const report = {
      database: "postgres",
      at: AT,
      recorders: [recorder("a", 2, ["trade: trade.id: expected string", "deposit: funding: expected object"]), recorder("b", 1, ["trade: trade: expected object"])],
      missingTrades: { count: 7, ids: ["gone-1", "gone-2"] },
    };
    const feed = await fetchRecorderFeed(() => 42, answer(200, report));
    expect(feed).toEqual({
      diagnostics: {
        malformedIgnored: 3,
        lastMalformedReasons: ["trade: trade.id: expected string", "deposit: funding: expected object", "trade: trade: expected object"],
        unknownStatusEvents: 2,
        lastUnknownStatuses: ['trade t-a: status "queued"', 'trade t-b: status "queued"'],
        missingTrades: 7,
        at: 42,
      },
      missingIds: ["gone-1", "gone-2"],
    });
  });

  it("sums the recorders' failed webhook deliveries and keeps the latest error", async () => {
    const withWebhook = (name: string, failed: number, lastError: string | null, lastErrorAt: string | null) => {
      const row = recorder(name, 0, []);
      return { ...row, state: { ...row.state, alertWebhook: { delivered: 1, failed, gaveUp: 0, unknown: 1, lastError, lastErrorAt } } };
    };
    const report = {
      database: "postgres",
      at: AT,
      recorders: [withWebhook("a", 2, "HTTP 503", "2026-05-01T10:00:00.000Z"), withWebhook("b", 1, "no answer within 5 s", "2026-05-01T10:05:00.000Z")],
      missingTrades: { count: 0, ids: [] },
    };
    const feed = await fetchRecorderFeed(() => 42, answer(200, report));
    expect(feed?.diagnostics.alertWebhook).toEqual({ failed: 3, unknown: 2, lastError: "no answer within 5 s" });
  });

  it("is null when signed out, when the recorder is unavailable, or when the answer is not a health report", async () => {
    expect(await fetchRecorderFeed(() => 0, answer(401, { error: "signed out" }))).toBeNull();
    expect(await fetchRecorderFeed(() => 0, answer(503, { error: "recorder unavailable" }))).toBeNull();
    expect(await fetchRecorderFeed(() => 0, answer(200, { recorders: "nope" }))).toBeNull();
    expect(
      await fetchRecorderFeed(() => 0, async () => {
        throw new TypeError("network down");
      }),
    ).toBeNull();
  });
});
