// What a verified callback body holds (docs/assetpay-api.md, callbacks): `{ trade }` on every trade
// status change — recorded like a socket `trade` event — or `{ deposit }` / `{ withdrawal }` for
// end-user crypto, which the recorder does not track (it records merchant funding from the socket and
// the ledger), so those are accepted and counted as unrecorded. Anything else is malformed. Never throws.
import { parseTradeEvent } from "@/lib/wire/parse-trade";

export type CallbackBody =
  | { kind: "trade"; tradeId: string; payload: { trade: unknown } }
  | { kind: "unrecorded"; name: "deposit" | "withdrawal" }
  | { kind: "malformed"; reason: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function classifyCallbackBody(rawBody: Uint8Array): CallbackBody {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(rawBody));
  } catch {
    return { kind: "malformed", reason: "the body is not UTF-8 JSON" };
  }
  if (!isObject(json)) return { kind: "malformed", reason: "the body is not a JSON object" };
  if ("trade" in json) {
    const parsed = parseTradeEvent(json);
    if (!parsed.ok) return { kind: "malformed", reason: parsed.reason };
    return { kind: "trade", tradeId: parsed.value.id, payload: { trade: json.trade } };
  }
  for (const name of ["deposit", "withdrawal"] as const) {
    if (isObject(json[name])) return { kind: "unrecorded", name };
  }
  return { kind: "malformed", reason: "the body holds none of trade, deposit, withdrawal" };
}
