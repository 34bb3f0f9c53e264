import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSessionEndSignal } from "./session-end-signal";
import { watchSession } from "./session-watch";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("watchSession", () => {
  it("announces the end when the dashboard answers 401, then stops asking", async () => {
    const signal = createSessionEndSignal(null);
    const heard = vi.fn();
    signal.subscribe(heard);
    let status = 200;
    const fetchSession = vi.fn(async () => new Response("{}", { status }));
    watchSession({ intervalMs: 1_000, fetchSession, signal });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(fetchSession).toHaveBeenCalledTimes(2);
    expect(heard).not.toHaveBeenCalled();
    status = 401;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(heard).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fetchSession).toHaveBeenCalledTimes(3);
  });

  it("reads an unreachable dashboard or a 503 as nothing", async () => {
    const signal = createSessionEndSignal(null);
    const heard = vi.fn();
    signal.subscribe(heard);
    let calls = 0;
    const fetchSession = vi.fn(async () => {
      calls += 1;
      if (calls === 1) throw new TypeError("network");
      return new Response("{}", { status: 503 });
    });
    const stop = watchSession({ intervalMs: 1_000, fetchSession, signal });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(heard).not.toHaveBeenCalled();
    stop();
  });
});
