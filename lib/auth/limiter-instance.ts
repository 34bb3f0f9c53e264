// The process-wide sign-in limiter: the attempts of one address must be counted in one place.
import "server-only";
import { processSingleton } from "./process-singleton";
import { SignInLimiter } from "./sign-in-limiter";

export function signInLimiter(): SignInLimiter {
  return processSingleton("sign-in-limiter", () => new SignInLimiter());
}
