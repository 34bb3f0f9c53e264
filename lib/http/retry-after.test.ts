import { describe, expect, it } from "vitest";
import { retryAfterHeader } from "./retry-after";

describe("retryAfterHeader", () => {
  it("states the wait in whole seconds, or sends no header without one", () => {
    expect(retryAfterHeader(30)).toEqual({ "retry-after": "30" });
    expect(retryAfterHeader(0)).toEqual({ "retry-after": "0" });
    expect(retryAfterHeader(null)).toEqual({});
  });
});
