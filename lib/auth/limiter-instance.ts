// The process-wide sign-in limiter. Kept on globalThis because Next may load this module once per
// route bundle; the attempts of one address must be counted in one place.
import "server-only";
import { SignInLimiter } from "./sign-in-limiter";

const KEY = Symbol.for("assetpay-ops.sign-in-limiter");

export function signInLimiter(): SignInLimiter {
  const store = globalThis as typeof globalThis & { [KEY]?: SignInLimiter };
  store[KEY] ??= new SignInLimiter();
  return store[KEY];
}
