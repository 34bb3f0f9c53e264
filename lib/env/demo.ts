// What `npm start` tells the app about demo mode (ASSETPAY_DEMO, ASSETPAY_DEMO_EMAIL), so the sign-in
// page can say so and offer the demo account. `npm start` removes an operator's own values before it sets
// them. Rules only (see ./setting).
import { z } from "zod";
import { EMAIL } from "./auth";
import { optional, type Rule } from "./setting";

const DEMO_FLAG: Rule<boolean> = { schema: z.literal("1").transform(() => true), expected: '"1" or unset' };

export const demoFields = {
  ASSETPAY_DEMO: optional(DEMO_FLAG),
  ASSETPAY_DEMO_EMAIL: optional(EMAIL),
};

/** Null in real mode; in demo mode, the demo account's email when `npm start` made one. */
export type DemoSettings = { email: string | null } | null;

export function toDemoSettings(values: z.output<z.ZodObject<typeof demoFields>>): DemoSettings {
  return values.ASSETPAY_DEMO ? { email: values.ASSETPAY_DEMO_EMAIL ?? null } : null;
}
