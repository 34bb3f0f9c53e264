// AUTH_REQUIRE_TWO_FACTOR: which password accounts must have two-factor sign-in (off, admins, everyone).
// One that must but has not enrolled may sign in, is sent to /settings and gets 403 two_factor_required
// from every other route until it has (lib/auth/two-factor/requirement.ts). Rules only (see ./setting).
import { z } from "zod";
import { optional, type Rule } from "./setting";

export const TWO_FACTOR_POLICIES = ["off", "admins", "everyone"] as const;
export type TwoFactorPolicy = (typeof TWO_FACTOR_POLICIES)[number];

const POLICY: Rule<TwoFactorPolicy> = {
  schema: z.enum(TWO_FACTOR_POLICIES),
  expected: `one of ${TWO_FACTOR_POLICIES.join(", ")}`,
};

export const twoFactorFields = {
  AUTH_REQUIRE_TWO_FACTOR: optional(POLICY),
};

export interface TwoFactorSettings {
  requireTwoFactor: TwoFactorPolicy;
}

export function toTwoFactorSettings(values: z.output<z.ZodObject<typeof twoFactorFields>>): TwoFactorSettings {
  return { requireTwoFactor: values.AUTH_REQUIRE_TWO_FACTOR ?? "off" };
}
