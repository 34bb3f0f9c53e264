import { describe, expect, it } from "vitest";
import { jsonError, noStoreJson } from "./json";

describe("noStoreJson", () => {
  it("answers JSON that is never cached, with the status and headers asked for", async () => {
    const response = noStoreJson({ ok: true }, { status: 201, headers: { "retry-after": "3" } });
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("cache-control")).toMatch(/^no-store\b/);
    expect(response.headers.get("retry-after")).toBe("3");
    expect(await response.json()).toEqual({ ok: true });
  });

  it("marks small answers no-transform (not worth gzipping) and leaves large ones compressible", () => {
    expect(noStoreJson({ token: "x".repeat(500) }).headers.get("cache-control")).toBe("no-store, no-transform");
    expect(noStoreJson({ trades: "x".repeat(5_000) }).headers.get("cache-control")).toBe("no-store");
    // Bytes, not characters: 400 three-byte characters are over the threshold.
    expect(noStoreJson({ name: "€".repeat(400) }).headers.get("cache-control")).toBe("no-store");
  });
});

describe("jsonError", () => {
  it("shapes errors as { error: { code, message } }", async () => {
    const response = jsonError(404, "not_found", "No such trade.");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: "No such trade." } });
  });
});
