// A route's JSON body, read with a byte cap: a declared Content-Length over the cap is refused before
// reading, and a body that turns out longer is cut off as soon as it passes the cap, so an oversized
// request costs neither memory nor a JSON parse. An empty body is `undefined` (some routes take an
// optional body); a route that needs one refuses it when its schema does.
import "server-only";

export type JsonBody = { ok: true; value: unknown } | { ok: false; reason: "too_large" | "malformed" };

export async function readJsonBody(request: Request, maxBytes: number): Promise<JsonBody> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, reason: "too_large" };
  if (!request.body) return { ok: true, value: undefined };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, reason: "too_large" };
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, reason: "malformed" };
  }
}
