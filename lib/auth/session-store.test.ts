// Which store records a session: the shared one when a recorder runs for the data directory (or with
// DATABASE_URL), else this process; and a session an earlier process kept counts as ended.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import bcrypt from "bcryptjs";
import { afterAll, describe, expect, it, vi } from "vitest";
import { ENDPOINT_FILE } from "@/lib/db/recorder-endpoint";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "session-store-"));
vi.stubEnv("ASSETPAY_API_KEY", "ap_session_store_test_key");
vi.stubEnv("ASSETPAY_TOKEN_STEAM_ID", "76561198000000001");
vi.stubEnv("ASSETPAY_TOKEN_TRADE_URL", "https://steamcommunity.com/tradeoffer/new/?partner=39734273&token=Ops_Dash");
vi.stubEnv("AUTH_SECRET", "session-store-test-secret-0123456789abcdef");
vi.stubEnv("STAFF_ACCOUNTS", `ops@example.test:${bcrypt.hashSync("unused", 4)}`);
vi.stubEnv("RECORDER_DATA_DIR", dataDir);
vi.stubEnv("DATABASE_URL", "");

const { SHARED_STORE, storeForNewSession, storeHolding } = await import("./session-store");
const { newSessionId } = await import("./session-id");

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("session stores", () => {
  it("keeps sessions in this process without a recorder, and answers ended for another process's", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const { key, store } = storeForNewSession();
    expect(key).not.toBe(SHARED_STORE);
    const id = newSessionId();
    await store.open({ id, email: "ops@example.test", role: "operator", provider: "credentials", expiresAt: new Date(Date.now() + 60_000).toISOString(), address: null, userAgent: null });
    expect(await storeHolding(key).check(id, 3_600)).toEqual({ state: "open" });
    expect((await storeHolding("process-earlier").check(id, 3_600)).state).toBe("ended");
  });

  it("records in the shared store once a recorder announces itself, and refuses (throws) when it does not answer", async () => {
    writeFileSync(path.join(dataDir, ENDPOINT_FILE), JSON.stringify({ url: "http://127.0.0.1:9", secret: "x".repeat(43), pid: 1 }));
    expect(storeForNewSession().key).toBe(SHARED_STORE);
    await expect(storeHolding(SHARED_STORE).check(newSessionId(), 3_600)).rejects.toThrow(/did not answer/);
  });
});
