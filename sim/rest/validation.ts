// Turns zod failures into VALIDATION_FAILED errors whose `fields` map path → reason (≤ 20 entries, see
// docs/assetpay-api.md).

import type { z } from "zod";
import { ApiError, type Fields } from "../envelope";

export function fieldsOf(error: z.ZodError): Fields {
  const fields: Fields = {};
  for (const issue of error.issues) {
    if (Object.keys(fields).length >= 20) break;
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys.slice(0, 20)) fields[[...issue.path, key].join(".")] = "unknown field";
      continue;
    }
    const path = issue.path.map(String).join(".") || "body";
    const missing = issue.code === "invalid_type" && issue.message.endsWith("received undefined");
    fields[path] ??= missing ? "required" : issue.message;
  }
  return fields;
}

/** Parses or throws VALIDATION_FAILED. */
export function parseOrFail<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ApiError("VALIDATION_FAILED", "Validation failed", fieldsOf(result.error));
  return result.data;
}

/** URLSearchParams → plain object (last value wins), for zod. */
export function queryObject(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries(params.entries());
}
