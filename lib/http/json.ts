// JSON answers for our own route handlers: never cached (they carry per-session or secret-derived
// data), errors always shaped `{ error: { code, message } }`.
import "server-only";
import { NextResponse } from "next/server";

/**
 * Below this, `no-transform` keeps `next start` from gzipping the answer. Next streams route handler
 * bodies, so its compression cannot see their length and gzips even a 500-byte token grant: half a
 * millisecond of CPU per request, for nothing. (1 KiB is the compression middleware's own threshold.)
 */
const COMPRESS_FROM_BYTES = 1024;

export function noStoreJson(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): NextResponse {
  const text = JSON.stringify(body);
  const cacheControl = Buffer.byteLength(text) < COMPRESS_FROM_BYTES ? "no-store, no-transform" : "no-store";
  return new NextResponse(text, {
    status: init.status ?? 200,
    headers: { ...init.headers, "content-type": "application/json", "cache-control": cacheControl },
  });
}

export function jsonError(status: number, code: string, message: string, headers: Record<string, string> = {}): NextResponse {
  return noStoreJson({ error: { code, message } }, { status, headers });
}
