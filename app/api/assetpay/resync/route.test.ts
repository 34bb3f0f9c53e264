// POST /api/assetpay/resync's caps: too many ids is a 400, too many bytes a 413, both JSON and both
// refused before the recorder is asked anything. Only next/headers and next-auth are faked.
import bcrypt from "bcryptjs";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_RESYNC_IDS } from "@/lib/assetpay/resync-limits";
import { signInAs } from "@/lib/auth/testing/fake-staff-request";

vi.mock("next/headers", async () => (await import("@/lib/auth/testing/fake-staff-request")).fakeNextHeadersModule());
vi.mock("@/lib/auth/next-auth", async () => (await import("@/lib/auth/testing/fake-staff-request")).fakeNextAuthModule());

const STAFF = ["ops@example.test", "flood@example.test"];
const hash = bcrypt.hashSync("unused", 4);
vi.stubEnv("ASSETPAY_API_KEY", "ap_resync_route_test_key");
vi.stubEnv("ASSETPAY_TOKEN_STEAM_ID", "76561198000000001");
vi.stubEnv("ASSETPAY_TOKEN_TRADE_URL", "https://steamcommunity.com/tradeoffer/new/?partner=39734273&token=Ops_Dash");
vi.stubEnv("AUTH_SECRET", "resync-route-test-secret-0123456789abcdef");
vi.stubEnv("STAFF_ACCOUNTS", STAFF.map((email) => `${email}:${hash}`).join(","));
vi.stubEnv("RECORDER_DATA_DIR", "/nonexistent/assetpay-ops-resync-test");
const RESYNC_PER_STAFF_PER_MINUTE = 12;
vi.stubEnv("RESYNC_PER_STAFF_PER_MINUTE", String(RESYNC_PER_STAFF_PER_MINUTE));

const { POST } = await import("./route");

function resync(body: string, email = STAFF[0] ?? ""): Promise<Response> {
  signInAs(email);
  const request = new Request("http://127.0.0.1:3000/api/assetpay/resync", {
    method: "POST",
    headers: { origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000", "sec-fetch-site": "same-origin", "content-type": "application/json" },
    body,
  });
  return POST(request, undefined);
}

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

beforeEach(() => {
  vi.spyOn(console, "error").mockImplementation(() => undefined);
});

describe("POST /api/assetpay/resync", () => {
  it("answers 400 JSON beyond the id cap", async () => {
    const ids = Array.from({ length: MAX_RESYNC_IDS + 1 }, (_, i) => `t${i}`);
    const response = await resync(JSON.stringify({ tradeIds: ids }));
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe("invalid_body");
  });

  it("answers 413 JSON to a body over the byte cap", async () => {
    const response = await resync(JSON.stringify({ tradeIds: ["x".repeat(100)], padding: "y".repeat(2_000_000) }));
    expect(response.status).toBe(413);
    expect(await errorCode(response)).toBe("body_too_large");
  });

  it("takes ids up to the cap to the recorder (here: none running, so 503 recorder_unavailable)", async () => {
    const ids = Array.from({ length: MAX_RESYNC_IDS }, (_, i) => `t${i}`);
    const response = await resync(JSON.stringify({ tradeIds: ids }));
    expect(response.status).toBe(503);
    expect(await errorCode(response)).toBe("recorder_unavailable");
  });

  it("refuses a flood from one staff member with 429", async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= RESYNC_PER_STAFF_PER_MINUTE; i += 1) statuses.push((await resync("{}", STAFF[1])).status);
    expect(statuses.slice(0, RESYNC_PER_STAFF_PER_MINUTE)).not.toContain(429);
    expect(statuses.at(-1)).toBe(429);
  });
});
