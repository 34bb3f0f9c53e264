// How one environment variable becomes a typed setting, and how a set of them is checked in one pass.
// Rules only, never values, and no `server-only`: plain Node scripts (scripts/start.ts, recorder/main.ts)
// apply the same rules as the app. A refusal names what is expected and never carries the value.
import { z } from "zod";
import { EnvError } from "./env-error";

export type EnvSource = Readonly<Record<string, string | undefined>>;

/**
 * A zod schema for a trimmed, non-empty value, and the words for what it expects. A schema may explain a
 * refusal with a custom issue (never quoting the value); that detail follows the expectation.
 */
export interface Rule<T> {
  schema: z.ZodType<T>;
  expected: string;
}

export function integerRule(min: number, max: number, what: string): Rule<number> {
  return {
    schema: z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(min).max(max)),
    expected: `${what}, a whole number from ${min} to ${max}`,
  };
}

/** A value, trimmed; empty counts as unset (`NAME=` lines in .env files). */
function present(input: unknown): string | undefined {
  const value = typeof input === "string" ? input.trim() : "";
  return value === "" ? undefined : value;
}

export function isSet(source: EnvSource, name: string): boolean {
  return present(source[name]) !== undefined;
}

/** `expected …`, plus the rule's own explanation when it gave one. */
export function refusal(rule: Rule<unknown>, error: z.ZodError): string {
  const detail = error.issues.find((issue) => issue.code === "custom")?.message;
  return detail ? `expected ${rule.expected}; ${detail}` : `expected ${rule.expected}`;
}

/** A variable that may be left unset: its setting is then `undefined` and the caller's default applies. */
export function optional<T>(rule: Rule<T>) {
  return z
    .unknown()
    .transform((input, ctx): T | undefined => {
      const value = present(input);
      if (value === undefined) return undefined;
      const parsed = rule.schema.safeParse(value);
      if (parsed.success) return parsed.data;
      ctx.issues.push({ code: "custom", message: refusal(rule, parsed.error), input: undefined });
      return z.NEVER;
    })
    .optional();
}

/** A variable that must be set; `why` tells the operator what needs it. */
export function required<T>(rule: Rule<T>, why: string) {
  return optional(rule).transform((setting, ctx): T => {
    if (setting !== undefined) return setting;
    ctx.issues.push({ code: "custom", message: `not set; expected ${rule.expected} (${why})`, input: undefined });
    return z.NEVER;
  });
}

/**
 * Checks every variable of `schema` (an object of `optional`/`required` fields keyed by variable name)
 * against `source` and returns the settings, or throws one `EnvError` listing each bad variable in the
 * schema's order.
 */
export function parseSettings<T>(schema: z.ZodType<T>, source: EnvSource): T {
  const parsed = schema.safeParse(source);
  if (parsed.success) return parsed.data;
  // Each field reports at most one issue, under its variable's name.
  throw new EnvError(parsed.error.issues.map((issue) => `${issue.path.map(String).join(".")}: ${issue.message}`));
}
