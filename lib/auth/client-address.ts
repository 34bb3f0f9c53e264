// The address a sign-in attempt came from, for the limiter. Next sets `x-forwarded-for` to the socket
// address only when the request brought none, and a reverse proxy appends the address it saw, so the
// LAST entry is the most trustworthy one. Without a proxy in front, a client can send its own header and
// pick its key: production deployments should sit behind a proxy that appends (nginx
// `$proxy_add_x_forwarded_for`).
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").map((part) => part.trim()).filter(Boolean).at(-1);
  return last ?? headers.get("x-real-ip")?.trim() ?? "unknown";
}
