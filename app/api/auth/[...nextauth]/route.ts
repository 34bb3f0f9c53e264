// next-auth's endpoints (sign-in callback, sign-out, csrf, session), handed the request at the Host
// header's address (lib/auth/request-at-host.ts). Its POST bodies are small forms, so a body over
// AUTH_BODY_BYTES is refused with 413 before next-auth reads any of it.
import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { requestAtHost } from "@/lib/auth/request-at-host";
import { cappedRequest } from "@/lib/http/capped-request";
import { jsonError } from "@/lib/http/json";

/** A sign-in form is an email, a password of at most 1,024 characters, a code, a CSRF token and a callback path. */
const AUTH_BODY_BYTES = 16 * 1024;

export const GET = (request: NextRequest) => handlers.GET(requestAtHost(request));

export async function POST(request: NextRequest): Promise<Response> {
  const capped = await cappedRequest(request, AUTH_BODY_BYTES);
  if (!capped) return jsonError(413, "body_too_large", `A body may be at most ${AUTH_BODY_BYTES} bytes.`);
  return handlers.POST(requestAtHost(capped));
}
