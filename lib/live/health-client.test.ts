import { describe, expect, it } from "vitest";
import { fetchHealthVerdict } from "./health-client";

const answer = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status });

describe("fetchHealthVerdict", () => {
  it("says maintenance only when our route read AssetPay and it reports maintenance", async () => {
    expect(await fetchHealthVerdict(answer(200, { maintenance: true, reachable: true, checkedAt: "x" }))).toBe("maintenance");
    expect(await fetchHealthVerdict(answer(200, { maintenance: false, reachable: true }))).toBe("up");
    expect(await fetchHealthVerdict(answer(200, { maintenance: false, reachable: false }))).toBe("unknown");
    expect(await fetchHealthVerdict(answer(401, { error: { message: "no session" } }))).toBe("unknown");
    expect(await fetchHealthVerdict(answer(200, { maintenance: "yes" }))).toBe("unknown");
    expect(await fetchHealthVerdict(async () => Promise.reject(new Error("offline")))).toBe("unknown");
  });
});
