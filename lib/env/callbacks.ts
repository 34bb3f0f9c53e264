// CALLBACK_FORWARD_TOKEN: the bearer the merchant's backend sends when it forwards AssetPay's callbacks
// to POST /api/assetpay/callbacks. Unset: that endpoint answers 404. Rules only (see ./setting).
import { z } from "zod";
import { optional, type Rule } from "./setting";

const FORWARD_TOKEN: Rule<string> = {
  schema: z.string().regex(/^[\x21-\x7e]{32,512}$/),
  expected: "a random token of 32 to 512 printable characters without spaces (e.g. openssl rand -base64 32)",
};

export const callbackFields = {
  CALLBACK_FORWARD_TOKEN: optional(FORWARD_TOKEN),
};

export interface CallbackSettings {
  /** null: forwarded callbacks are turned off. */
  callbackForwardToken: string | null;
}

export function toCallbackSettings(values: z.output<z.ZodObject<typeof callbackFields>>): CallbackSettings {
  return { callbackForwardToken: values.CALLBACK_FORWARD_TOKEN ?? null };
}
