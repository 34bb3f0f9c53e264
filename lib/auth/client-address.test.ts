import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("clientAddress", () => {
  it("takes the last x-forwarded-for hop (the one a proxy appended)", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6, 10.0.0.7" }))).toBe("10.0.0.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": "127.0.0.1" }))).toBe("127.0.0.1");
    expect(clientAddress(new Headers({ "x-real-ip": "10.1.1.1" }))).toBe("10.1.1.1");
    expect(clientAddress(new Headers())).toBe("unknown");
  });
});
