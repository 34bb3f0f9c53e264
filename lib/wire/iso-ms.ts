// Date.parse, with a fast path for the one shape AssetPay sends (`2026-05-01T10:00:00.000Z`, what
// toISOString produces). Every trade event carries two or three dates, parsed at the edge and again when
// the store orders versions; reading 24 known characters is several times cheaper than the general
// parser. Anything else (offsets, short forms, out-of-range fields, garbage) goes to Date.parse, so the
// answer is always exactly Date.parse's, NaN included. Pure; safe in the browser and in Node.

const CANONICAL_LENGTH = 24;
const DASH = 45;
const COLON = 58;
const DOT = 46;
const T = 84;
const Z = 90;

/** The `count` decimal digits at `start` as a number, or -1 if any is not a digit. */
function digitsAt(value: string, start: number, count: number): number {
  let n = 0;
  for (let k = 0; k < count; k += 1) {
    const d = value.charCodeAt(start + k) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function hasCanonicalPunctuation(v: string): boolean {
  return (
    v.length === CANONICAL_LENGTH &&
    v.charCodeAt(4) === DASH &&
    v.charCodeAt(7) === DASH &&
    v.charCodeAt(10) === T &&
    v.charCodeAt(13) === COLON &&
    v.charCodeAt(16) === COLON &&
    v.charCodeAt(19) === DOT &&
    v.charCodeAt(23) === Z
  );
}

export function isoMs(value: string): number {
  if (!hasCanonicalPunctuation(value)) return Date.parse(value);
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  const hour = digitsAt(value, 11, 2);
  const minute = digitsAt(value, 14, 2);
  const second = digitsAt(value, 17, 2);
  const ms = digitsAt(value, 20, 3);
  // Day ≤ 28 keeps month lengths out of it; years below 100 would be read as 19xx by Date.UTC; hour 24
  // is legal ISO. All of those, and any non-digit (-1), take the general parser.
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > 28 || hour < 0 || hour > 23) return Date.parse(value);
  if (minute < 0 || minute > 59 || second < 0 || second > 59 || ms < 0) return Date.parse(value);
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}
