import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RecorderUnavailableError } from "@/lib/db/recorded-source";
import { pgliteDirIn } from "@/lib/db/pglite-dir";
import { SignInStoreUnavailable } from "../errors";

const state = vi.hoisted(() => ({ dataDir: "", call: vi.fn() }));

vi.mock("server-only", () => ({}));
// next-auth's package cannot load outside Next; its refusal class is all this code path uses.
vi.mock("next-auth", () => ({ CredentialsSignin: class CredentialsSignin extends Error {} }));
vi.mock("@/lib/env/server", () => ({ env: () => ({ databaseUrl: null, recorder: { dataDir: state.dataDir } }) }));
vi.mock("./context", () => ({ twoFactorContext: () => ({ source: { call: state.call } }) }));

const { secondFactorPasses } = await import("./sign-in-check");
const request = new Request("http://127.0.0.1/api/auth/callback/credentials", { method: "POST" });

describe("secondFactorPasses while the store cannot be reached", () => {
  beforeEach(() => {
    state.dataDir = mkdtempSync(path.join(os.tmpdir(), "two-factor-check-"));
    state.call.mockReset().mockRejectedValue(new RecorderUnavailableError("recorder not answering"));
  });
  afterEach(() => rmSync(state.dataDir, { recursive: true, force: true }));

  it("lets a password sign-in through when no store exists at all (nobody could have turned two-factor on)", async () => {
    await expect(secondFactorPasses("a@example.com", {}, request)).resolves.toBe(true);
  });

  it("refuses with the store-unavailable reason when the recorder's store exists but is not answering (e.g. still starting)", async () => {
    const { mkdirSync } = await import("node:fs");
    mkdirSync(pgliteDirIn(state.dataDir), { recursive: true });
    await expect(secondFactorPasses("a@example.com", {}, request)).rejects.toBeInstanceOf(SignInStoreUnavailable);
  });

  it("passes any other error on unchanged", async () => {
    state.call.mockReset().mockRejectedValue(new Error("boom"));
    await expect(secondFactorPasses("a@example.com", {}, request)).rejects.toThrow("boom");
  });
});
