// Where the current request came from, for session records and the audit log: the client address
// (./client-address.ts) and the user agent (capped). Null outside a request (nothing to say).
import "server-only";
import { headers } from "next/headers";
import { clientAddress } from "./client-address";

export interface RequestFacts {
  address: string | null;
  userAgent: string | null;
}

const MAX_USER_AGENT = 500;

export async function requestFacts(): Promise<RequestFacts> {
  try {
    const current = await headers();
    return { address: clientAddress(current).slice(0, 200), userAgent: current.get("user-agent")?.slice(0, MAX_USER_AGENT) ?? null };
  } catch {
    return { address: null, userAgent: null };
  }
}
