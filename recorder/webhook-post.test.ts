import { describe, expect, it } from "vitest";
import { idempotencyKeyOf, postOnce, thrownOutcome } from "./webhook-post";

const withCode = (message: string, code: string) => new TypeError("fetch failed", { cause: Object.assign(new Error(message), { code }) });
const answering = (status: number) => (async () => new Response(status === 204 ? null : "x", { status })) as unknown as typeof fetch;
const throwing = (error: unknown) =>
  (async () => {
    throw error;
  }) as unknown as typeof fetch;

describe("one webhook attempt's outcome", () => {
  it("a 2xx answer is delivered; an error answer is known not delivered; a proxy's timeout answers are unknown", async () => {
    expect(await postOnce(answering(204), "http://hook.test", "a", {})).toEqual({ outcome: "delivered" });
    expect(await postOnce(answering(500), "http://hook.test", "a", {})).toEqual({ outcome: "failed", problem: "HTTP 500" });
    expect(await postOnce(answering(429), "http://hook.test", "a", {})).toEqual({ outcome: "failed", problem: "HTTP 429" });
    expect(await postOnce(answering(504), "http://hook.test", "a", {})).toEqual({ outcome: "unknown", problem: "HTTP 504" });
  });

  it("a connection that never opened is known not delivered; one that dropped or went silent is unknown", async () => {
    expect(thrownOutcome(withCode("connect ECONNREFUSED 127.0.0.1:9", "ECONNREFUSED"))).toEqual({ outcome: "failed", problem: "connect ECONNREFUSED 127.0.0.1:9" });
    expect(thrownOutcome(withCode("getaddrinfo ENOTFOUND hook.invalid", "ENOTFOUND")).outcome).toBe("failed");
    expect(thrownOutcome(withCode("other side closed", "UND_ERR_SOCKET"))).toEqual({ outcome: "unknown", problem: "other side closed" });
    expect(thrownOutcome(new DOMException("aborted", "TimeoutError"))).toEqual({ outcome: "unknown", problem: "no answer within 5 s" });
    expect(thrownOutcome(new Error("something else")).outcome).toBe("unknown");
    expect((await postOnce(throwing(withCode("read ECONNRESET", "ECONNRESET")), "http://hook.test", "a", {})).outcome).toBe("unknown");
  });

  it("keys every attempt by the alert id, or a stable digest when the id is not a plain header value", () => {
    expect(idempotencyKeyOf("stalled:trade:t-7:1")).toBe("stalled:trade:t-7:1");
    const odd = idempotencyKeyOf("stalled:trade:tränslated id:1");
    expect(odd).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(idempotencyKeyOf("stalled:trade:tränslated id:1")).toBe(odd);
  });
});
