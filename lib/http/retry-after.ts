// The Retry-After header of our own refusals (429, 503): how many seconds to wait, as we decided or as
// AssetPay told us. The browser's token cache reads it (lib/live/token-cache.ts).

/** `{ "retry-after": "N" }`, or no header when there is no wait to state. */
export function retryAfterHeader(seconds: number | null): Record<string, string> {
  return seconds === null ? {} : { "retry-after": String(seconds) };
}
