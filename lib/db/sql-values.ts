// Our values as Postgres stores them and back: times in the range timestamptz accepts, payloads as jsonb
// text. Shared by the trade and funding writes and the reads. A value that cannot be stored is reported
// as null so the caller can refuse that one version instead of failing its whole batch.
import "server-only";

/** A stored payload bigger than this is refused (lib/wire caps items at 2,000; real trades are tiny). */
export const MAX_PAYLOAD_CHARS = 1_000_000;

/** ISO in a range Postgres' timestamptz accepts, or null. */
export function pgTime(iso: string | undefined): string | null {
  if (iso === undefined) return null;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  return year >= 1970 && year <= 9999 ? new Date(ms).toISOString() : null;
}

export function msTime(ms: number): string | null {
  return Number.isFinite(ms) ? pgTime(new Date(ms).toISOString()) : null;
}

// jsonb refuses the NUL character; drop `\u0000` escapes (but not an escaped backslash before "u0000").
const NUL_ESCAPE = /(?<!\\)((?:\\\\)*)\\u0000/g;

/** The payload as jsonb text, or null when it cannot be serialized or is over MAX_PAYLOAD_CHARS. */
export function payloadJson(payload: unknown): string | null {
  let json: string | undefined;
  try {
    json = JSON.stringify(payload);
  } catch {
    return null;
  }
  if (json === undefined || json.length > MAX_PAYLOAD_CHARS) return null;
  return json.replace(NUL_ESCAPE, "$1");
}

/** Times the driver returns (Date) or we stored (string) as ISO. */
export function isoFromDb(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  const ms = Date.parse(String(value));
  return Number.isFinite(ms) ? new Date(ms).toISOString() : String(value);
}
