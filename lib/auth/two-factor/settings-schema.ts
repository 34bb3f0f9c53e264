// The shapes of the two-factor settings API's answers (app/api/settings/two-factor/**), as zod schemas:
// the routes answer them and the Settings page parses them. No I/O, so the browser may import it.
import { z } from "zod";

export const twoFactorSettingsViewSchema = z.object({
  /** false: single sign-on; the identity provider asks for the second factor, nothing to set up here. */
  passwordAccount: z.boolean(),
  enabled: z.boolean(),
  enabledAt: z.string().nullable(),
  recoveryCodesLeft: z.number().int().min(0),
  /** AUTH_REQUIRE_TWO_FACTOR covers this account: it cannot be turned off. */
  required: z.boolean(),
});
export type TwoFactorSettingsView = z.infer<typeof twoFactorSettingsViewSchema>;

export const twoFactorSetupSchema = z.object({ key: z.string().min(16), uri: z.string(), qrCode: z.string().startsWith("data:image/png;base64,") });
export type TwoFactorSetup = z.infer<typeof twoFactorSetupSchema>;

export const recoveryCodesAnswerSchema = z.object({ recoveryCodes: z.array(z.string()).min(1) });

export const apiErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
