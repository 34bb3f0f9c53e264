// What every REST and control handler gets: the request, its parsed URL and path params, and a
// lazily read JSON body. Also the tiny path router both use.

import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError } from "../envelope";

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
  /** The JSON body, `undefined` when empty; malformed JSON → VALIDATION_FAILED. */
  body(): Promise<unknown>;
}

export type Handler = (ctx: RequestContext) => Promise<void> | void;

export interface Route {
  method: "GET" | "POST";
  /** Segments, `:name` captures one (URL-decoded). */
  pattern: string;
  handler: Handler;
}

export function matchRoute(routes: readonly Route[], method: string, pathname: string): { route: Route; params: Record<string, string> } | undefined {
  const segments = pathname.split("/").filter(Boolean);
  for (const route of routes) {
    if (route.method !== method) continue;
    const parts = route.pattern.split("/").filter(Boolean);
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matched = parts.every((part, i) => {
      const segment = segments[i] ?? "";
      if (part.startsWith(":")) {
        params[part.slice(1)] = decodeSegment(segment);
        return true;
      }
      return part === segment;
    });
    if (matched) return { route, params };
  }
  return undefined;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ApiError("VALIDATION_FAILED", "Validation failed", { path: "malformed percent-encoding" });
  }
}

const MAX_BODY_BYTES = 1_000_000;

export function bodyReader(req: IncomingMessage): () => Promise<unknown> {
  let cached: Promise<unknown> | undefined;
  return () => (cached ??= readJson(req));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new ApiError("VALIDATION_FAILED", "Validation failed", { body: "body too large" });
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("VALIDATION_FAILED", "Validation failed", { body: "malformed JSON" });
  }
}
