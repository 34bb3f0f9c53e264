// The trends route as a browser meets it: the real handler, session guard and trend SQL on an
// in-memory PGlite store. Faked: the request's headers, next-auth's reading of the session cookie and
// where the store is (lib/db/team-source).
import bcrypt from "bcryptjs";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { signInAs, signOut } from "@/lib/auth/testing/fake-staff-request";
import { emptyFakeTeamStore, openFakeTeamStore } from "@/lib/db/testing/fake-team-source";
import { tradeVersion } from "@/lib/db/testing/recorded-versions";
import { recordTrades } from "@/lib/db/trade-writes";
import { trendsAnswerSchema } from "@/lib/trades/trends";

vi.mock("next/headers", async () => (await import("@/lib/auth/testing/fake-staff-request")).fakeNextHeadersModule());
vi.mock("@/lib/auth/next-auth", async () => (await import("@/lib/auth/testing/fake-staff-request")).fakeNextAuthModule());
vi.mock("@/lib/db/team-source", async (importOriginal) => (await import("@/lib/db/testing/fake-team-source")).fakeTeamSourceModule(importOriginal));

const VIEWER = "watch@example.test";
vi.stubEnv("ASSETPAY_API_KEY", "ap_trends_route_test_key");
vi.stubEnv("ASSETPAY_API_URL", "http://127.0.0.1:4999");
vi.stubEnv("ASSETPAY_TOKEN_STEAM_ID", "76561198000000001");
vi.stubEnv("ASSETPAY_TOKEN_TRADE_URL", "https://steamcommunity.com/tradeoffer/new/?partner=39734273&token=Ops_Dash");
vi.stubEnv("AUTH_SECRET", "trends-route-test-secret-0123456789abcdef");
vi.stubEnv("STAFF_ACCOUNTS", `${VIEWER}:viewer:${bcrypt.hashSync("unused", 4)}`);

const { GET } = await import("./route");
const get = (query: string) => GET(new Request(`http://127.0.0.1:3000/api/trends${query}`), undefined);

openFakeTeamStore();

beforeEach(async () => {
  signOut();
  await emptyFakeTeamStore();
});

describe("GET /api/trends", () => {
  it("answers 401 without a session", async () => {
    expect((await get("?range=1h")).status).toBe(401);
  });

  it("answers 400 JSON for a range it does not know", async () => {
    signInAs(VIEWER);
    const response = await get("?range=2w");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: "invalid_query", message: "Expected range=1h|24h|7d." } });
  });

  it("serves any signed-in role the range's buckets, counting what was recorded, and keeps it a few seconds", async () => {
    signInAs(VIEWER);
    const now = Date.now();
    const minutesAgo = (minutes: number) => new Date(now - minutes * 60_000).toISOString();
    await recordTrades(
      (await emptyFakeTeamStore()),
      [tradeVersion({ id: "t-1", game: "252490", status: "initiated", updatedAt: minutesAgo(3) })],
      now,
    );
    const response = await get("?range=1h");
    expect(response.status).toBe(200);
    const answer = trendsAnswerSchema.parse(await response.json());
    expect([answer.range, answer.buckets, answer.bucketMs]).toEqual(["1h", 60, 60_000]);
    const rust = answer.games.find((game) => game.game === "rust");
    expect(rust?.started.reduce((a, b) => a + b, 0)).toBe(1);

    await emptyFakeTeamStore();
    const again = trendsAnswerSchema.parse(await (await get("?range=1h")).json());
    expect(again.computedAt).toBe(answer.computedAt);
    const other = trendsAnswerSchema.parse(await (await get("?range=7d")).json());
    expect([other.range, other.buckets, other.bucketMs]).toEqual(["7d", 168, 3_600_000]);
    expect(other.games.find((game) => game.game === "rust")?.started.reduce((a, b) => a + b, 0)).toBe(0);
  });
});
