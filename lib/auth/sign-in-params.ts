// The sign-in page's search params: where to go afterwards, and an error next-auth redirected with.
import { z } from "zod";
import { safeCallbackPath } from "./safe-callback";
import { describeSignInError } from "./sign-in-error";

const firstString = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (Array.isArray(value) ? value[0] : value));

const paramsSchema = z.object({ callbackUrl: firstString, error: firstString, code: firstString });

export function parseSignInParams(params: Record<string, string | string[] | undefined>): {
  callbackPath: string;
  error: string | null;
} {
  const parsed = paramsSchema.safeParse(params);
  const { callbackUrl, error, code } = parsed.success ? parsed.data : {};
  return {
    callbackPath: safeCallbackPath(callbackUrl),
    error: error ? describeSignInError({ type: error, code }) : null,
  };
}
