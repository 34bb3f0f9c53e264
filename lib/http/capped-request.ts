// A request whose body has been read with a byte cap and buffered, for handlers we do not write
// ourselves (next-auth's) that would otherwise read a body of any size whole.
import "server-only";
import { NextRequest } from "next/server";
import { readRawBody } from "./read-json-body";

/** The same request with its body buffered, or null when the body is over `maxBytes`. */
export async function cappedRequest(request: NextRequest, maxBytes: number): Promise<NextRequest | null> {
  const body = await readRawBody(request, maxBytes);
  if (body === null) return null;
  return new NextRequest(request.url, {
    method: request.method,
    headers: request.headers,
    body: body.byteLength > 0 ? new Uint8Array(body) : undefined,
  });
}
