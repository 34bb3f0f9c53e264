import { describe, expect, it } from "vitest";
import { isTradeUrlKey, withoutTradeUrls } from "./trade-url-visibility";

const URL_ = "https://steamcommunity.com/tradeoffer/new/?partner=1&token=abcdefgh";

describe("withoutTradeUrls", () => {
  it("recognises trade URL keys in every spelling, and nothing else", () => {
    for (const key of ["clientTradeUrl", "clientTradeURL", "tradeUrl", "trade_url", "TradeUrl"]) expect(isTradeUrlKey(key)).toBe(true);
    for (const key of ["clientSteamId", "url", "iconUrl", "tradeUrlValid", "trade"]) expect(isTradeUrlKey(key)).toBe(false);
  });

  it("removes them at any depth: snapshot entries, resync payload lists, nested objects", () => {
    const snapshot = {
      at: "2026-12-06T12:00:00.000Z",
      trades: [
        { payload: { id: "t-1", clientTradeUrl: URL_, items: [{ name: "AK", iconUrl: "https://cdn.test/a.png" }] }, history: [] },
        { payload: { id: "t-2", client: { tradeUrl: URL_, steamID: "7656" } }, history: [] },
      ],
      truncated: false,
    };
    const stripped = withoutTradeUrls(snapshot);
    expect(JSON.stringify(stripped)).not.toContain("tradeoffer");
    expect(stripped.trades[0]?.payload).toEqual({ id: "t-1", items: [{ name: "AK", iconUrl: "https://cdn.test/a.png" }] });
    expect(stripped.trades[1]?.payload).toEqual({ id: "t-2", client: { steamID: "7656" } });
    expect(withoutTradeUrls({ trades: [{ id: "t-3", trade_url: URL_ }], missing: 0 })).toEqual({ trades: [{ id: "t-3" }], missing: 0 });
  });

  it("never changes what it was given, and hands back untouched parts as they were", () => {
    const withUrl = { id: "t-1", clientTradeUrl: URL_ };
    const without = { id: "t-2", items: [{ name: "AK" }] };
    const answer = { trades: [withUrl, without] };
    const stripped = withoutTradeUrls(answer);
    expect(withUrl.clientTradeUrl).toBe(URL_);
    expect(stripped.trades[1]).toBe(without);
    expect(withoutTradeUrls(answer.trades[1])).toBe(without);
    expect(withoutTradeUrls(null)).toBeNull();
    expect(withoutTradeUrls("tradeUrl")).toBe("tradeUrl");
  });
});
