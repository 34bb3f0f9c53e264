import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SOCKET_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { HSTS_VALUE, installRequestStamp } from "./request-stamp";

describe("the request stamp (no trusted proxy)", () => {
  let seen: IncomingHttpHeaders[] = [];
  const server = createServer((request, response) => {
    seen.push(request.headers);
    response.end("ok");
  });
  let url = "";
  beforeAll(async () => {
    installRequestStamp(false);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("overwrites a client's own socket-address header with the real peer", async () => {
    seen = [];
    await fetch(url, { headers: { [SOCKET_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "6.6.6.6" } });
    expect(seen[0]?.[SOCKET_ADDRESS_HEADER]).toBe("127.0.0.1");
    expect(seen[0]?.["x-forwarded-for"]).toBe("6.6.6.6");
  });

  it("sends no HSTS on plain http, whatever X-Forwarded-Proto claims", async () => {
    const response = await fetch(url, { headers: { "x-forwarded-proto": "https" } });
    expect(response.headers.get("strict-transport-security")).toBeNull();
    expect(HSTS_VALUE).toMatch(/^max-age=\d+/);
  });
});
