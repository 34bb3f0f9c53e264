// The one check for an id taken from a URL path (`/api/trades/[id]/…`, `/api/alerts/[id]/…`): a
// string of 1..max characters with no control characters (NUL ends a C string and Postgres refuses it
// in text) and no lone UTF-16 surrogates (not encodable as UTF-8). Anything else is the caller's
// mistake, answered 400 before the id reaches a database or the recorder.

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isAcceptablePathId(id: unknown, maxLength: number): id is string {
  return (
    typeof id === "string" && id.length > 0 && id.length <= maxLength && !CONTROL.test(id) && !LONE_SURROGATE.test(id)
  );
}

/**
 * True when some segment of a raw (still percent-encoded) path cannot be decoded: `%E0%A4%A`, `%ZZ`.
 * Next.js answers those with a bare 500 before any route handler runs, so proxy.ts refuses them first.
 */
export function hasUndecodableSegment(rawPathname: string): boolean {
  return rawPathname.split("/").some((segment) => {
    try {
      decodeURIComponent(segment);
      return false;
    } catch {
      return true;
    }
  });
}
