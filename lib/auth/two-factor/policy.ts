// Who must have two-factor sign-in (AUTH_REQUIRE_TWO_FACTOR): nobody, admins, or everyone — password
// accounts only; single sign-on accounts are exempt (their identity provider does the second factor).
// No I/O: the rule alone, for the guards (./requirement) and the settings page.
import type { TwoFactorPolicy } from "@/lib/env/two-factor";
import type { StaffRole } from "@/lib/auth/roles";

export function twoFactorRequired(policy: TwoFactorPolicy, staff: { role: StaffRole; passwordAccount: boolean }): boolean {
  if (!staff.passwordAccount) return false;
  return policy === "everyone" || (policy === "admins" && staff.role === "admin");
}
