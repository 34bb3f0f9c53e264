import { describe, expect, it } from "vitest";
import type { ConnectionInfo } from "@/lib/store/state";
import { describeConnection } from "./connection-text";

const NOW = 1_800_000_000_000;
const conn = (patch: Partial<ConnectionInfo>): ConnectionInfo => ({
  state: "live",
  attempt: 0,
  nextRetryAt: null,
  lastError: null,
  connectedAt: NOW - 60_000,
  cause: null,
  ...patch,
});

describe("describeConnection", () => {
  it("says Live with the ticking age of the last event, and a coarse spoken version", () => {
    const view = describeConnection({ connection: conn({}), lastEventAt: NOW - 3_400, lastResync: null, now: NOW });
    expect(`${view.headline} · ${view.detail}`).toBe("Live · last event 3 s ago");
    expect(view.spoken).toBe("last event under a minute ago");
    expect(view.resyncNote).toBeNull();
  });

  it("says when no event arrived yet", () => {
    expect(describeConnection({ connection: conn({}), lastEventAt: null, lastResync: null, now: NOW }).detail).toBe("no events yet");
  });

  it("gives the attempt and a countdown to the next retry while reconnecting", () => {
    const view = describeConnection({
      connection: conn({ state: "reconnecting", attempt: 3, nextRetryAt: NOW + 4_200 }),
      lastEventAt: NOW - 125_000,
      lastResync: null,
      now: NOW,
    });
    expect(view.headline).toBe("Reconnecting");
    expect(view.detail).toBe("attempt 3, next try in 5 s · last event 2 min ago");
    expect(view.spoken).toBe("attempt 3; last event 2 min ago");
    expect(view.tone).toBe("warning");
  });

  it("covers every other state in words", () => {
    const at = (state: ConnectionInfo["state"]) => describeConnection({ connection: conn({ state }), lastEventAt: null, lastResync: null, now: NOW });
    expect(at("connecting").headline).toBe("Connecting");
    expect(at("reauthenticating").detail).toContain("fresh AssetPay token");
    expect(at("offline").detail).toContain("no network");
    expect(at("signed-out").detail).toContain("session ended");
  });

  it("notes a recent resync for a minute, and a failed one in words", () => {
    const resync = { at: NOW - 10_000, tradesRefreshed: 42, fundingRefreshed: 3, changed: 5 };
    expect(describeConnection({ connection: conn({}), lastEventAt: null, lastResync: resync, now: NOW }).resyncNote).toBe("Resynced 42 trades and 3 funding (5 changed)");
    expect(describeConnection({ connection: conn({}), lastEventAt: null, lastResync: { ...resync, changed: 0, tradesRefreshed: 1, fundingRefreshed: 0 }, now: NOW }).resyncNote).toBe(
      "Resynced 1 trade",
    );
    expect(describeConnection({ connection: conn({}), lastEventAt: null, lastResync: resync, now: NOW + 61_000 }).resyncNote).toBeNull();
    expect(describeConnection({ connection: conn({ state: "offline" }), lastEventAt: null, lastResync: resync, now: NOW }).resyncNote).toBeNull();
    expect(
      describeConnection({ connection: conn({}), lastEventAt: null, lastResync: { ...resync, error: "Resync failed (HTTP 502)" }, now: NOW }).resyncNote,
    ).toBe("Resync incomplete: Resync failed (HTTP 502)");
  });
});
