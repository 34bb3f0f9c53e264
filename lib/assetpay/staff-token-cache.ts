// The process's one per-staff client-token cache (./token-grant-cache): kept on globalThis because Next
// may load a module once per route bundle, which would split it.
import "server-only";
import { processSingleton } from "@/lib/auth/process-singleton";
import { TokenGrantCache } from "./token-grant-cache";

export function staffTokenCache(): TokenGrantCache {
  return processSingleton("staff-token-cache", () => new TokenGrantCache());
}
