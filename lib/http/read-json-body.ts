// A route's JSON body, read with a byte cap: a declared Content-Length over the cap is refused before
// reading, and a body that turns out longer is cut off as soon as it passes the cap, so an oversized
// request costs neither memory nor a JSON parse. An empty body is `undefined` (some routes take an
// optional body); a route that needs one refuses it when its schema does.
import "server-only";

export type JsonBody = { ok: true; value: unknown } | { ok: false; reason: "too_large" | "malformed" };

/**
 * The raw body bytes, or null once it is over `maxBytes` (a declared Content-Length over the cap is
 * refused before reading; a longer body is cut off as soon as it passes the cap). Routes that verify
 * a signature over the exact bytes use this; JSON routes use readJsonBody.
 */
export async function readRawBody(request: Request, maxBytes: number): Promise<Buffer | null> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return null;
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export async function readJsonBody(request: Request, maxBytes: number): Promise<JsonBody> {
  const raw = await readRawBody(request, maxBytes);
  if (raw === null) return { ok: false, reason: "too_large" };
  const text = raw.toString("utf8");
  if (text.trim() === "") return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, reason: "malformed" };
  }
}
