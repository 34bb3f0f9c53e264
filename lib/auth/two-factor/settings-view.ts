// What the Settings page and GET /api/settings/two-factor show of a staff member's two-factor sign-in.
import "server-only";
import type { StaffSession } from "@/lib/auth/guards";
import type { TwoFactorContext } from "./context";
import { twoFactorStatus } from "./enrolment";
import { isPasswordAccount, twoFactorRequiredFor } from "./requirement";
import type { TwoFactorSettingsView } from "./settings-schema";

export async function twoFactorSettingsView(context: TwoFactorContext, staff: StaffSession): Promise<TwoFactorSettingsView> {
  if (!isPasswordAccount(staff)) return { passwordAccount: false, enabled: false, enabledAt: null, recoveryCodesLeft: 0, required: false };
  return { passwordAccount: true, ...(await twoFactorStatus(context, staff.email)), required: twoFactorRequiredFor(staff) };
}
