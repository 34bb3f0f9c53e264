// The Settings page's calls to /api/settings/two-factor/**, each answer parsed with zod; a refusal or a
// failure comes back as the sentence to show.
import type { z } from "zod";
import {
  apiErrorSchema,
  recoveryCodesAnswerSchema,
  type TwoFactorSettingsView,
  twoFactorSettingsViewSchema,
  type TwoFactorSetup,
  twoFactorSetupSchema,
} from "@/lib/auth/two-factor/settings-schema";

export type Answer<T> = { ok: true; value: T } | { ok: false; message: string };

const BASE = "/api/settings/two-factor";
const turnedOffSchema = twoFactorSettingsViewSchema.pick({ enabled: true });

async function call<T>(path: string, schema: z.ZodType<T>, body?: unknown): Promise<Answer<T>> {
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
    });
  } catch {
    return { ok: false, message: "The dashboard server could not be reached. Try again." };
  }
  const json: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const parsed = schema.safeParse(json);
    if (parsed.success) return { ok: true, value: parsed.data };
  }
  const error = apiErrorSchema.safeParse(json);
  return { ok: false, message: error.success ? error.data.error.message : `The dashboard server answered ${response.status}. Try again.` };
}

export const readTwoFactorSettings = (): Promise<Answer<TwoFactorSettingsView>> => call("", twoFactorSettingsViewSchema);
export const setUpTwoFactor = (): Promise<Answer<TwoFactorSetup>> => call("/setup", twoFactorSetupSchema, {});
export const turnTwoFactorOn = (code: string) => call("/enable", recoveryCodesAnswerSchema, { code });
export const turnTwoFactorOff = (code: string) => call("/disable", turnedOffSchema, { code });
export const renewRecoveryCodes = (code: string) => call("/recovery-codes", recoveryCodesAnswerSchema, { code });
