// The process-wide sign-in limits: the attempts of one address or account must be counted in one
// place — the shared PostgreSQL database when DATABASE_URL is set (every instance), else this process.
import "server-only";
import { env } from "@/lib/env/server";
import { processSingleton } from "./process-singleton";
import { databaseLimitStore } from "./shared-limit-store";
import { memoryLimitStore, SignInLimits, withFallback } from "./sign-in-limits";

export function signInLimits(): SignInLimits {
  return processSingleton("sign-in-limits", () => {
    const { databaseUrl } = env();
    const memory = memoryLimitStore();
    return new SignInLimits(databaseUrl ? withFallback(databaseLimitStore(databaseUrl), memory) : memory);
  });
}
