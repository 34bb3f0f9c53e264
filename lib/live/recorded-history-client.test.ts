import { describe, expect, it } from "vitest";
import { T0, iso } from "@/lib/trades/test-fixtures";
import { fetchRecordedHistory } from "./recorded-history-client";

const answer = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status });

describe("fetchRecordedHistory", () => {
  it("returns the recorded changes with observedAt in ms", async () => {
    const result = await fetchRecordedHistory(
      "t-1",
      undefined,
      answer(200, {
        tradeId: "t-1",
        known: true,
        history: [
          { status: "initiated", rawStatus: "initiated", at: iso(T0), observedAt: iso(T0 + 1) },
          { status: "SOMETHING", rawStatus: "SOMETHING", at: iso(T0 + 2), observedAt: iso(T0 + 3) },
        ],
      }),
    );
    expect(result).toEqual({
      state: "recorded",
      history: [
        { status: "initiated", rawStatus: "initiated", at: iso(T0), observedAt: T0 + 1 },
        { status: "unknown", rawStatus: "SOMETHING", at: iso(T0 + 2), observedAt: T0 + 3 },
      ],
    });
  });

  it("tells an unrecorded trade from an unavailable recorder", async () => {
    expect(await fetchRecordedHistory("t-1", undefined, answer(200, { tradeId: "t-1", known: false, history: [] }))).toEqual({
      state: "unrecorded",
      history: [],
    });
    expect(await fetchRecordedHistory("t-1", undefined, answer(503, { error: {} }))).toMatchObject({ state: "unavailable", reason: "HTTP 503" });
    expect(await fetchRecordedHistory("t-1", undefined, answer(200, { tradeId: "other", known: true, history: [] }))).toMatchObject({
      state: "unavailable",
      reason: "unreadable answer",
    });
    const unreachable = await fetchRecordedHistory("t-1", undefined, async () => {
      throw new TypeError("Failed to fetch");
    });
    expect(unreachable).toMatchObject({ state: "unavailable", reason: expect.stringMatching(/^could not reach the dashboard server/) });
  });
});
