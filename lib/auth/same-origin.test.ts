import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./same-origin";

describe("isSameOrigin", () => {
  const headers = (init: Record<string, string>) => new Headers({ host: "127.0.0.1:3000", ...init });

  it("accepts same-origin browser requests and non-browser callers", () => {
    expect(isSameOrigin(headers({ origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOrigin(headers({ origin: "http://127.0.0.1:3000" }))).toBe(true);
    expect(isSameOrigin(headers({}))).toBe(true);
    expect(isSameOrigin(headers({ origin: "https://ops.example", "x-forwarded-host": "ops.example" }))).toBe(true);
  });

  it("refuses other origins and sites", () => {
    expect(isSameOrigin(headers({ origin: "http://evil.example" }))).toBe(false);
    expect(isSameOrigin(headers({ origin: "http://127.0.0.1:3001" }))).toBe(false);
    expect(isSameOrigin(headers({ origin: "null" }))).toBe(false);
    expect(isSameOrigin(headers({ "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(isSameOrigin(headers({ "sec-fetch-site": "same-site", origin: "http://127.0.0.1:3000" }))).toBe(false);
  });
});
