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
    const justConnected = conn({ connectedAt: NOW - 5_000 });
    expect(describeConnection({ connection: justConnected, lastEventAt: null, lastResync: null, now: NOW }).detail).toBe("no events yet");
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

  it("says why while reconnecting when AssetPay closed the connection or reports maintenance", () => {
    const reconnecting = (cause: ConnectionInfo["cause"]) =>
      describeConnection({
        connection: conn({ state: "reconnecting", attempt: 1, nextRetryAt: NOW + 700, cause }),
        lastEventAt: NOW - 2_000,
        lastResync: null,
        now: NOW,
      });
    const closed = reconnecting("assetpay-closed");
    expect(closed.detail).toBe("AssetPay closed the connection; attempt 1, next try in 1 s · last event 2 s ago");
    expect(closed.spoken).toBe("AssetPay closed the connection; attempt 1; last event under a minute ago");
    expect(closed.detail).not.toContain("token");
    expect(reconnecting("assetpay-maintenance").detail).toMatch(/^AssetPay reports maintenance; attempt 1/);
    expect(reconnecting(null).detail).toMatch(/^attempt 1/);
  });

  describe("a live feed that has gone quiet", () => {
    const clock = (ms: number) => new Date(ms).toISOString().slice(11, 19);
    const live = (lastEventAt: number | null, meanEventGapMs: number | null, connectedAt = NOW - 3_600_000) =>
      describeConnection({ connection: conn({ connectedAt }), lastEventAt, lastResync: null, now: NOW, meanEventGapMs, formatClock: clock });

    it("stays green Live while silence is within what the recent event rate predicts", () => {
      // A feed that speaks every 2 s: 29 s of silence is still under the 30 s floor.
      expect(live(NOW - 29_000, 2_000)).toMatchObject({ headline: "Live", tone: "good", quiet: false });
      // A slow feed (every 40 s on average): 6 min of silence is under 10 usual gaps.
      expect(live(NOW - 360_000, 40_000).quiet).toBe(false);
    });

    it("says quiet and since when, in amber, once silence is much longer than usual", () => {
      const view = live(NOW - 70_000, 2_000);
      expect(view).toMatchObject({ state: "live", headline: "Feed quiet", tone: "warning", quiet: true });
      expect(view.detail).toBe(`connected, no new events since ${clock(NOW - 70_000)} (1 min); events usually every 2 s`);
      expect(view.spoken).toBe(`connected, no new events since ${clock(NOW - 70_000)}`);
      expect(live(NOW - 401_000, 40_000).quiet).toBe(true);
    });

    it("counts from the connection when no event came at all", () => {
      expect(live(null, null, NOW - 20_000).quiet).toBe(false);
      const view = live(null, null, NOW - 45_000);
      expect(view.quiet).toBe(true);
      expect(view.detail).toBe(`connected, no events since ${clock(NOW - 45_000)} (45 s)`);
    });

    it("is never said outside live: an outage is not a quiet feed", () => {
      const view = describeConnection({
        connection: conn({ state: "reconnecting", attempt: 2 }),
        lastEventAt: NOW - 600_000,
        lastResync: null,
        now: NOW,
        meanEventGapMs: 1_000,
      });
      expect(view.quiet).toBe(false);
      expect(view.headline).toBe("Reconnecting");
    });
  });
});

