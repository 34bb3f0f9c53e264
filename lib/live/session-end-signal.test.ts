import { describe, expect, it, vi } from "vitest";
import { createSessionEndSignal } from "./session-end-signal";

/** Two tabs' channels of one browser: a message posted on one reaches the other, never itself. */
function pairedChannels() {
  const targets = [new EventTarget(), new EventTarget()];
  const channel = (self: number) => ({
    postMessage: (data: unknown) => targets[1 - self]?.dispatchEvent(new MessageEvent("message", { data })),
    addEventListener: (name: string, listener: EventListener) => targets[self]?.addEventListener(name, listener),
  });
  return [channel(0), channel(1)] as const;
}

describe("session end signal", () => {
  it("tells this tab and the other tabs when one announces, and only while subscribed", () => {
    const [a, b] = pairedChannels();
    const tabA = createSessionEndSignal(a as unknown as BroadcastChannel);
    const tabB = createSessionEndSignal(b as unknown as BroadcastChannel);
    const heardA = vi.fn();
    const heardB = vi.fn();
    tabA.subscribe(heardA);
    const unsubscribeB = tabB.subscribe(heardB);
    tabA.announce();
    expect(heardA).toHaveBeenCalledTimes(1);
    expect(heardB).toHaveBeenCalledTimes(1);
    unsubscribeB();
    tabA.announce();
    expect(heardB).toHaveBeenCalledTimes(1);
  });

  it("ignores messages it does not send", () => {
    const [a, b] = pairedChannels();
    const tabB = createSessionEndSignal(b as unknown as BroadcastChannel);
    const heard = vi.fn();
    tabB.subscribe(heard);
    a.postMessage({ kind: "something-else" });
    expect(heard).not.toHaveBeenCalled();
  });
});
