// JSON answers for our own route handlers: never cached (they carry per-session or secret-derived
// data), errors always shaped `{ error: { code, message } }`.
import "server-only";
import { NextResponse } from "next/server";

export function noStoreJson(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): NextResponse {
  return NextResponse.json(body, { status: init.status ?? 200, headers: { ...init.headers, "cache-control": "no-store" } });
}

export function jsonError(status: number, code: string, message: string, headers: Record<string, string> = {}): NextResponse {
  return noStoreJson({ error: { code, message } }, { status, headers });
}
