// The result type every lib/wire parser returns, plus turning zod issues into one short human reason.
// Parsers must never throw on outside data; callers branch on `ok` and show/count `reason`.
// Reasons must never echo raw payload values (they can be huge or hostile).
import type { z } from "zod";
import type { ContractFlavor } from "@/lib/trades/types";

export interface ParseSuccess<T> {
  ok: true;
  value: T;
  /** "legacy" when the payload used the UPPERCASE CO contract; lets diagnostics show which one is live. */
  flavor: ContractFlavor;
  /** The raw status when it was not recognised (the value then carries status "unknown"), else null. */
  unknownStatus: string | null;
}

export interface ParseFailure {
  ok: false;
  /** Short, e.g. "trade.id: expected string". */
  reason: string;
  /** True when the payload is well-formed but of a kind we do not track (e.g. a REFUND ledger row). */
  unsupported?: true;
}

export type ParseResult<T> = ParseSuccess<T> | ParseFailure;

const MAX_REASON = 160;

export function fail(reason: string): ParseFailure {
  return { ok: false, reason: reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON)}…` : reason };
}

function formatPath(root: string, path: readonly PropertyKey[]): string {
  let out = root;
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += `${out === "" ? "" : "."}${String(key).slice(0, 40)}`;
  }
  return out === "" ? "payload" : out;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return `expected ${issue.expected}`;
    case "too_big":
      return issue.origin === "array" ? `too many entries (max ${String(issue.maximum)})` : `too long (max ${String(issue.maximum)})`;
    case "too_small":
      return issue.origin === "string" ? "must not be empty" : `too small (min ${String(issue.minimum)})`;
    case "custom":
      return issue.message;
    default:
      return "invalid value";
  }
}

/**
 * First zod issue as "<path>: <what was wrong>"; one reason is enough for an operator.
 * `root` names the top-level value ("" for event envelopes, so paths read "trade.id").
 */
export function reasonFromZod(root: string, error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return `${root || "payload"}: invalid`;
  return `${formatPath(root, issue.path)}: ${describeIssue(issue)}`;
}

/** The failure for a parser that threw (hostile getters, Proxies, stack overflow). */
export function failureFromThrow(error: unknown): ParseFailure {
  const kind = error instanceof RangeError ? "too deeply nested" : "unreadable";
  return fail(`payload: ${kind}`);
}

/** Runs a parser and turns any throw (hostile getters, Proxies, stack overflow) into a failure. */
export function guarded<T>(run: () => ParseResult<T>): ParseResult<T> {
  try {
    return run();
  } catch (error) {
    return failureFromThrow(error);
  }
}
