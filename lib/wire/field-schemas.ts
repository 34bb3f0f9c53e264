// Reusable zod field schemas with the size caps we apply to everything arriving from AssetPay.
// Required fields fail loudly with a short reason; optional display fields degrade to undefined
// rather than throwing the whole record away. Never loosen the id caps: ids key our Maps and URLs.
import { z } from "zod";

export const MAX_ID_LENGTH = 128;
export const MAX_TEXT_LENGTH = 512;
export const MAX_URL_LENGTH = 2048;
export const MAX_STATUS_LENGTH = 64;
export const MAX_DATE_LENGTH = 64;
export const MAX_ITEMS = 2000;

/** Required identifier: non-empty string, ≤128 chars; integers accepted (Steam-ish ids) and stringified. */
export const idField = z.unknown().transform((v, ctx) => {
  const id = typeof v === "number" && Number.isSafeInteger(v) && v >= 0 ? String(v) : v;
  if (typeof id === "string" && id.length > 0 && id.length <= MAX_ID_LENGTH) return id;
  const message =
    typeof id !== "string" ? "expected string" : id.length === 0 ? "must not be empty" : `too long (max ${MAX_ID_LENGTH})`;
  ctx.issues.push({ code: "custom", message, input: v });
  return z.NEVER;
});

/** Optional identifier: dropped when missing, null, of the wrong type or over-long. */
export const optionalId = z
  .union([z.string().min(1).max(MAX_ID_LENGTH), z.number().int().nonnegative().transform(String)])
  .nullish()
  .catch(undefined)
  .transform((v) => v ?? undefined);

function truncate(value: string, max: number): string {
  return value.length > max ? value.slice(0, max) : value;
}

/** Display text (item names, exteriors): truncated, not rejected — a long name is no reason to lose a trade. */
export const optionalText = z
  .string()
  .nullish()
  .catch(undefined)
  .transform((v) => (v == null ? undefined : truncate(v, MAX_TEXT_LENGTH)));

/** URLs are useless when cut, so over-long ones are dropped. */
export const optionalUrl = z
  .string()
  .max(MAX_URL_LENGTH)
  .nullish()
  .catch(undefined)
  .transform((v) => v ?? undefined);

/** Status strings: a hostile megabyte status is truncated here and will simply map to "unknown". */
export const statusField = z.string().transform((v) => truncate(v.trim(), MAX_STATUS_LENGTH));

function isDateString(v: unknown): v is string {
  return typeof v === "string" && v.length <= MAX_DATE_LENGTH && Number.isFinite(Date.parse(v));
}

/** Required ISO date-time (createdAt/updatedAt drive ordering, so they must parse). */
export const isoDateField = z.unknown().transform((v, ctx) => {
  if (isDateString(v)) return v;
  ctx.issues.push({ code: "custom", message: "expected ISO date-time", input: v });
  return z.NEVER;
});

/** Optional date: unparseable values become undefined (stall rules then fall back to other times). */
export const optionalDate = z
  .unknown()
  .transform((v) => (isDateString(v) ? v : undefined))
  .optional();

/** USD dollars as a JSON number; numeric strings accepted for legacy payloads. */
export const usdNumberField = z.unknown().transform((v, ctx) => {
  const n = toFiniteNumber(v);
  if (n !== undefined) return n;
  ctx.issues.push({ code: "custom", message: "expected number", input: v });
  return z.NEVER;
});

export const optionalNumber = z
  .unknown()
  .transform((v) => toFiniteNumber(v))
  .optional();

export const optionalBoolean = z.boolean().nullish().catch(undefined).transform((v) => v ?? undefined);

const DECIMAL = /^-?\d{1,30}(\.\d{1,30})?$/;

function toFiniteNumber(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v === "string" && DECIMAL.test(v.trim())) return Number(v);
  return undefined;
}

/** Crypto amounts stay decimal strings end to end (never float-summed); numbers are stringified. */
export const optionalDecimal = z
  .unknown()
  .transform((v) => {
    if (typeof v === "number") return Number.isFinite(v) ? String(v) : undefined;
    if (typeof v === "string" && DECIMAL.test(v.trim())) return v.trim();
    return undefined;
  })
  .optional();
