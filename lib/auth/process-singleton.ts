// One instance per server process for state that must be counted in one place (rate limiters, the
// verified-session memo). Kept on globalThis because Next may load a module once per route bundle,
// which would split module-level state.
import "server-only";

export function processSingleton<T>(name: string, create: () => T): T {
  const key = Symbol.for(`assetpay-ops.${name}`);
  const store = globalThis as typeof globalThis & Record<symbol, T | undefined>;
  store[key] ??= create();
  return store[key];
}
