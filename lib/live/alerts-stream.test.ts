import { describe, expect, it } from "vitest";
import type { AlertsEvent } from "./alerts-events";
import { parseAlertsEvent } from "./alerts-events";
import { type EventSourceLike, alertsRetryDelay, openAlertsStream } from "./alerts-stream";
import { makeAlert } from "./testing/alert-fixture";

class FakeSource implements EventSourceLike {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  private listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  constructor(readonly url: string) {}
  addEventListener(name: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event("open"));
  }
  emit(name: string, data: unknown) {
    const text = typeof data === "string" ? data : JSON.stringify(data);
    for (const listener of this.listeners.get(name) ?? []) listener({ data: text } as MessageEvent<string>);
  }
  fail(readyState: number) {
    this.readyState = readyState;
    this.onerror?.(new Event("error"));
  }
}

function harness() {
  const sources: FakeSource[] = [];
  const timers: { run: () => void; ms: number }[] = [];
  const events: AlertsEvent[] = [];
  const malformed: string[] = [];
  const states: string[] = [];
  const stream = openAlertsStream(
    { onEvent: (e) => events.push(e), onMalformed: (r) => malformed.push(r), onState: (s) => states.push(s) },
    {
      createSource: (url) => {
        const source = new FakeSource(url);
        sources.push(source);
        return source;
      },
      setTimer: (run, ms) => {
        timers.push({ run, ms });
        return timers.length;
      },
      clearTimer: () => undefined,
    },
  );
  return { stream, sources, timers, events, malformed, states, last: () => sources[sources.length - 1] as FakeSource };
}

describe("parseAlertsEvent", () => {
  it("accepts a snapshot and keeps its good alerts while reporting the bad ones", () => {
    const result = parseAlertsEvent("snapshot", JSON.stringify({ alerts: [makeAlert(), { id: "x" }], openCount: 1, cursor: 7 }));
    expect(result.ok).toBe(true);
    if (!result.ok || result.event.type !== "snapshot") throw new Error("expected a snapshot");
    expect(result.event.alerts.map((a) => a.id)).toEqual(["al-1"]);
    expect(result.event.malformed).toHaveLength(1);
    expect(result.event.cursor).toBe(7);
  });

  it("rejects text that is not JSON, an unknown kind and a negative count", () => {
    expect(parseAlertsEvent("alert", "{nope").ok).toBe(false);
    expect(parseAlertsEvent("alert", JSON.stringify(makeAlert({ kind: "weird" as never }))).ok).toBe(false);
    expect(parseAlertsEvent("count", JSON.stringify({ openCount: -1 })).ok).toBe(false);
    expect(parseAlertsEvent("other", "{}").ok).toBe(false);
  });
});

describe("openAlertsStream", () => {
  it("hands typed events on and counts malformed ones without stopping", () => {
    const h = harness();
    h.last().open();
    h.last().emit("snapshot", { alerts: [makeAlert()], openCount: 1, cursor: 3 });
    h.last().emit("alert", "not json");
    h.last().emit("count", { openCount: 2 });
    expect(h.events.map((e) => e.type)).toEqual(["snapshot", "count"]);
    expect(h.malformed).toHaveLength(1);
    expect(h.states).toEqual(["connecting", "live"]);
  });

  it("leaves a dropped connection to the browser's own retry (Last-Event-ID)", () => {
    const h = harness();
    h.last().open();
    h.last().fail(0);
    expect(h.sources).toHaveLength(1);
    expect(h.timers).toHaveLength(0);
    expect(h.states.at(-1)).toBe("reconnecting");
  });

  it("opens a fresh connection after a refusal, catching up from the highest version seen", () => {
    const h = harness();
    h.last().open();
    h.last().emit("snapshot", { alerts: [], openCount: 0, cursor: 5 });
    h.last().emit("alert", makeAlert({ version: 9 }));
    h.last().fail(2);
    expect(h.timers[0]?.ms).toBe(1_000);
    h.timers[0]?.run();
    expect(h.sources).toHaveLength(2);
    expect(h.last().url).toBe("/api/alerts/stream?since=9");
    expect(h.stream.cursor()).toBe(9);
  });

  it("backs off longer after each refusal, up to 30 s, and starts over once connected", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(alertsRetryDelay)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    const h = harness();
    h.last().fail(2);
    h.timers[0]?.run();
    h.last().fail(2);
    expect(h.timers[1]?.ms).toBe(2_000);
    h.timers[1]?.run();
    h.last().open();
    h.last().fail(2);
    expect(h.timers[2]?.ms).toBe(1_000);
  });

  it("stops for good when closed", () => {
    const h = harness();
    h.stream.close();
    expect(h.last().closed).toBe(true);
    h.last().fail(2);
    expect(h.timers).toHaveLength(0);
  });
});
