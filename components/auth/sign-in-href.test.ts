import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { signInHref } from "./sign-in-href";

describe("signInHref", () => {
  it("carries the path, the filters and the open trade through sign-in", () => {
    const href = signInHref({ pathname: "/board", search: "?game=rust&stalled=1&trade=T-1" });
    const callback = new URL(href, "http://x.invalid").searchParams.get("callbackUrl");
    expect(callback).toBe("/board?game=rust&stalled=1&trade=T-1");
    expect(safeCallbackPath(callback)).toBe("/board?game=rust&stalled=1&trade=T-1");
  });

  it("works without a query", () => {
    expect(signInHref({ pathname: "/board", search: "" })).toBe("/sign-in?callbackUrl=%2Fboard");
  });
});
