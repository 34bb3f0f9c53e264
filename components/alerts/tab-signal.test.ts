import { describe, expect, it } from "vitest";
import { makeAlert } from "@/lib/live/testing/alert-fixture";
import { readAlertPreferences, writeAlertPreferences } from "./alert-preferences";
import { createNotifyOnce, notificationFor } from "./notify-once";
import { badgeLabel, baseTitle, titleWithCount } from "./tab-title";

const NOW = Date.parse("2026-12-06T12:00:00.000Z");

describe("tab title and favicon badge", () => {
  it("prefixes the count while above zero and never stacks prefixes", () => {
    expect(titleWithCount("Board · AssetPay Ops", 3)).toBe("(3) Board · AssetPay Ops");
    expect(titleWithCount("(3) Board · AssetPay Ops", 1)).toBe("(1) Board · AssetPay Ops");
    expect(titleWithCount("(1) Board · AssetPay Ops", 0)).toBe("Board · AssetPay Ops");
    expect(baseTitle("(12) x")).toBe("x");
  });

  it("labels the badge, capped at 9+, and drops it at zero", () => {
    expect(badgeLabel(0)).toBeNull();
    expect(badgeLabel(4)).toBe("4");
    expect(badgeLabel(10)).toBe("9+");
  });
});

describe("notify once", () => {
  it("does not notify what the first snapshot already held", () => {
    const notify = createNotifyOnce();
    expect(notify.pick([makeAlert({ id: "a" })], NOW)).toEqual([]);
    expect(notify.pick([makeAlert({ id: "a" }), makeAlert({ id: "b" })], NOW).map((a) => a.id)).toEqual(["b"]);
  });

  it("notifies each new alert once, also across a reconnect's replay and later changes", () => {
    const notify = createNotifyOnce();
    notify.pick([], NOW);
    expect(notify.pick([makeAlert({ id: "n" })], NOW)).toHaveLength(1);
    expect(notify.pick([makeAlert({ id: "n", version: 2, assignee: "x@y" })], NOW)).toHaveLength(0);
    expect(notify.pick([makeAlert({ id: "n" })], NOW)).toHaveLength(0);
  });

  it("skips new alerts already acknowledged or snoozed", () => {
    const notify = createNotifyOnce();
    notify.pick([], NOW);
    const picked = notify.pick(
      [makeAlert({ id: "ack", acknowledgedAt: "2026-12-06T11:59:00.000Z" }), makeAlert({ id: "zz", snoozedUntil: "2026-12-06T13:00:00.000Z" })],
      NOW,
    );
    expect(picked).toEqual([]);
  });

  it("tags the notification with the alert id and says what happened to which trade", () => {
    const { title, options } = notificationFor(makeAlert({ id: "al-7", tradeId: "t-5" }));
    expect(options.tag).toBe("al-7");
    expect(title).toContain("Trade stalled");
    expect(options.body).toContain("t-5");
  });
});

describe("alert preferences", () => {
  it("are remembered per person and off by default", () => {
    const data = new Map<string, string>();
    const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
    expect(readAlertPreferences(storage, "a@x")).toEqual({ notifications: false, sound: false });
    writeAlertPreferences(storage, "a@x", { notifications: true, sound: true });
    expect(readAlertPreferences(storage, "A@x")).toEqual({ notifications: true, sound: true });
    expect(readAlertPreferences(storage, "b@x")).toEqual({ notifications: false, sound: false });
    data.set("assetpay-ops:alerts:c@x", "{broken");
    expect(readAlertPreferences(storage, "c@x")).toEqual({ notifications: false, sound: false });
  });
});
