import { describe, expect, it } from "vitest";
import { clientAddress, SOCKET_ADDRESS_HEADER } from "./client-address";

describe("clientAddress", () => {
  it("without a trusted proxy, takes the stamped socket address and ignores what the client wrote", () => {
    const headers = new Headers({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7", [SOCKET_ADDRESS_HEADER]: "10.0.0.9" });
    expect(clientAddress(headers, false)).toBe("10.0.0.9");
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6" }), false)).toBe("unknown");
    expect(clientAddress(new Headers(), false)).toBe("unknown");
  });

  it("behind a trusted proxy, takes the last x-forwarded-for hop (the one the proxy appended)", () => {
    const stamped = { [SOCKET_ADDRESS_HEADER]: "10.0.0.1" };
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6, 10.0.0.7", ...stamped }), true)).toBe("10.0.0.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.5", ...stamped }), true)).toBe("203.0.113.5");
    // A proxy that sent no header: the proxy's own address, still not the client's choice.
    expect(clientAddress(new Headers(stamped), true)).toBe("10.0.0.1");
  });

  it("reads TRUST_PROXY when not told", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6", [SOCKET_ADDRESS_HEADER]: "10.0.0.9" }))).toBe("10.0.0.9");
  });
});
