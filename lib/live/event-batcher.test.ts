import { describe, expect, it } from "vitest";
import { type FrameScheduler, createEventBatcher } from "./event-batcher";

/** Manual clock: frames and timers run only when the test says so. */
function fakeScheduler(opts: { frames: boolean }) {
  let nextId = 1;
  const frames = new Map<number, () => void>();
  const timers = new Map<number, { cb: () => void; at: number }>();
  let now = 0;
  const scheduler: FrameScheduler = {
    requestFrame: (cb) => {
      if (!opts.frames) return null;
      const id = nextId++;
      frames.set(id, cb);
      return id;
    },
    cancelFrame: (h) => void frames.delete(h as number),
    setTimer: (cb, ms) => {
      const id = nextId++;
      timers.set(id, { cb, at: now + ms });
      return id;
    },
    clearTimer: (h) => void timers.delete(h as number),
  };
  return {
    scheduler,
    runFrame() {
      const pending = [...frames.values()];
      frames.clear();
      for (const cb of pending) cb();
    },
    advance(ms: number) {
      now += ms;
      for (const [id, t] of [...timers]) {
        if (t.at <= now && timers.has(id)) {
          timers.delete(id);
          t.cb();
        }
      }
    },
    get pendingFrames() {
      return frames.size;
    },
    get pendingTimers() {
      return timers.size;
    },
  };
}

/** Stands in for a parsed event: the batcher only queues and delivers, whatever the events are. */
interface Ev {
  n: number;
}
const ev = (n: number): Ev => ({ n });

describe("createEventBatcher", () => {
  it("delivers everything pushed before a frame as one batch", () => {
    const fake = fakeScheduler({ frames: true });
    const batches: Ev[][] = [];
    const batcher = createEventBatcher<Ev>({ deliver: (b) => batches.push(b), scheduler: fake.scheduler });
    batcher.push(ev(1));
    batcher.push(ev(2));
    batcher.push(ev(3));
    expect(batches).toHaveLength(0);
    expect(fake.pendingFrames).toBe(1);
    fake.runFrame();
    expect(batches).toEqual([[ev(1), ev(2), ev(3)]]);
    // The cap timer was cancelled with the frame.
    expect(fake.pendingTimers).toBe(0);
    fake.runFrame();
    expect(batches).toHaveLength(1);
  });

  it("flushes via the timer cap when frames are throttled (hidden tab)", () => {
    const fake = fakeScheduler({ frames: true });
    const batches: Ev[][] = [];
    const batcher = createEventBatcher<Ev>({ deliver: (b) => batches.push(b), scheduler: fake.scheduler, maxWaitMs: 250 });
    batcher.push(ev(1));
    fake.advance(249);
    expect(batches).toHaveLength(0);
    fake.advance(1);
    expect(batches).toEqual([[ev(1)]]);
    expect(fake.pendingFrames).toBe(0);
  });

  it("uses a 16 ms timer when animation frames are unavailable", () => {
    const fake = fakeScheduler({ frames: false });
    const batches: Ev[][] = [];
    const batcher = createEventBatcher<Ev>({ deliver: (b) => batches.push(b), scheduler: fake.scheduler });
    batcher.push(ev(1));
    fake.advance(15);
    expect(batches).toHaveLength(0);
    fake.advance(1);
    expect(batches).toEqual([[ev(1)]]);
    expect(fake.pendingTimers).toBe(0);
  });

  it("flushes synchronously when the queue reaches its cap", () => {
    const fake = fakeScheduler({ frames: true });
    const batches: Ev[][] = [];
    const batcher = createEventBatcher<Ev>({ deliver: (b) => batches.push(b), scheduler: fake.scheduler, maxQueue: 3 });
    for (let i = 0; i < 7; i += 1) batcher.push(ev(i));
    expect(batches.map((b) => b.length)).toEqual([3, 3]);
    expect(batcher.size).toBe(1);
  });

  it("supports manual flush and drops the queue on dispose", () => {
    const fake = fakeScheduler({ frames: true });
    const batches: Ev[][] = [];
    const batcher = createEventBatcher<Ev>({ deliver: (b) => batches.push(b), scheduler: fake.scheduler });
    batcher.push(ev(1));
    batcher.flush();
    expect(batches).toEqual([[ev(1)]]);
    batcher.flush();
    expect(batches).toHaveLength(1);
    batcher.push(ev(2));
    batcher.dispose();
    fake.runFrame();
    fake.advance(1000);
    batcher.push(ev(3));
    expect(batches).toHaveLength(1);
    expect(fake.pendingTimers + fake.pendingFrames).toBe(0);
  });

  it("keeps working after delivery throws", () => {
    const fake = fakeScheduler({ frames: true });
    let calls = 0;
    const batcher = createEventBatcher<Ev>({
      deliver: () => {
        calls += 1;
        if (calls === 1) throw new Error("boom");
      },
      scheduler: fake.scheduler,
    });
    batcher.push(ev(1));
    expect(() => fake.runFrame()).toThrow("boom");
    batcher.push(ev(2));
    expect(fake.pendingFrames).toBe(1);
    fake.runFrame();
    expect(calls).toBe(2);
  });
});
