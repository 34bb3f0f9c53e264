// Seeded generator of malformed and hostile socket events for e2e/fuzz.spec.ts: wrong types, huge
// strings, deep nesting, prototype-pollution keys, unknown statuses, missing ids, markup and script in
// every text field. Every payload is plain JSON (it travels as JSON twice: to the simulator's control
// API and over the socket). Markup carries the FUZZ_MARKER attribute so the spec can prove none of it
// ever became a DOM element.

import { seededRandom } from "@/lib/trades/test-fixtures";
import type { SocketEventName } from "@/lib/wire/socket-events";

export const FUZZ_MARKER = "data-fuzz-marker";

export interface FuzzEvent {
  event: SocketEventName;
  payload: unknown;
  /** What the generator was going for; the spec classifies with the real parser, not with this. */
  kind: string;
}


const MARKUP = [
  `<img ${FUZZ_MARKER} src=x onerror="window.__fuzzPwned=1">`,
  `<script ${FUZZ_MARKER}>window.__fuzzPwned=1</script>`,
  `"><svg ${FUZZ_MARKER} onload="window.__fuzzPwned=1">`,
  `<a ${FUZZ_MARKER} href="javascript:window.__fuzzPwned=1">x</a>`,
  `<iframe ${FUZZ_MARKER} srcdoc="<script>parent.__fuzzPwned=1</script>"></iframe>`,
  `{{constructor.constructor('window.__fuzzPwned=1')()}}`,
  `javascript:window.__fuzzPwned=1`,
];

const STATUSES = ["active", "hold", "completed", "PENDING", "ACTIVE", "teleported", "__proto__", "constructor", "toString", "", " ", "Hold", "ESCROW", "queued_for_review"];

export function generateFuzzEvents(count: number, seed: number): FuzzEvent[] {
  // Seeded, so a failing run can be replayed from its seed.
  const next = seededRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
  const int = (max: number) => Math.floor(next() * max);
  const big = (): string => "A".repeat(100_000 + int(700_000));
  const deep = (depth: number): unknown => {
    let value: unknown = { leaf: pick(MARKUP) };
    for (let i = 0; i < depth; i += 1) value = next() < 0.5 ? { next: value } : [value];
    return value;
  };
  const hostile = (): unknown =>
    pick<() => unknown>([
      () => null,
      () => int(1e6),
      () => -1,
      () => 1.5,
      () => next() < 0.5,
      () => "",
      () => pick(MARKUP),
      () => [],
      () => ({}),
      () => [pick(MARKUP)],
      () => ({ __proto__: { polluted: true } }),
      () => deep(10 + int(50)),
      () => "9".repeat(40),
      () => "2026-13-45T99:99:99Z",
    ])();

  let serial = 0;
  const ts = (offsetMs: number) => new Date(Date.parse("2026-05-01T10:00:00.000Z") + offsetMs).toISOString();
  const item = (): Record<string, unknown> => ({
    id: `fz-item-${serial}-${int(1e6)}`,
    name: next() < 0.6 ? pick(MARKUP) : `Skin ${int(1000)}`,
    marketHashName: next() < 0.3 ? pick(MARKUP) : undefined,
    marketPrice: next() < 0.8 ? Math.round(next() * 10_000) / 100 : pick(["12.50", "abc", -3]),
    offer: next() < 0.5 ? { price: 3.5 } : undefined,
    iconUrl: next() < 0.3 ? pick(MARKUP) : undefined,
    exterior: next() < 0.2 ? pick(MARKUP) : undefined,
  });
  const baseTrade = (): Record<string, unknown> => {
    serial += 1;
    return {
      id: `fz-${seed}-${serial}`,
      type: pick(["deposit", "withdraw", "DEPOSIT"]),
      source: "client",
      status: pick(STATUSES.slice(0, 5)),
      game: pick(["730", "252490", 730]),
      clientSteamID: "76561198000000001",
      clientTradeUrl: next() < 0.2 ? pick(MARKUP) : "https://steamcommunity.com/tradeoffer/new/?partner=1&token=abcdefgh",
      externalId: next() < 0.3 ? pick(MARKUP).slice(0, 120) : `fz-order-${serial}`,
      items: Array.from({ length: 1 + int(3) }, item),
      totalPrice: Math.round(next() * 100_000) / 100,
      createdAt: ts(serial * 1000),
      updatedAt: ts(serial * 1000 + 500),
    };
  };
  const TRADE_KEYS = ["id", "type", "status", "game", "items", "totalPrice", "createdAt", "updatedAt", "clientSteamID", "externalId", "botInfo", "offerID"];

  const makers: [string, () => FuzzEvent][] = [
    ["wrong type", () => {
      const trade = baseTrade();
      trade[pick(TRADE_KEYS)] = hostile();
      return { event: "trade", payload: { trade }, kind: "wrong type" };
    }],
    ["missing id", () => {
      const trade = baseTrade();
      if (next() < 0.5) delete trade.id;
      else trade.id = pick([null, "", "x".repeat(129), 1.5, -7, {}]);
      return { event: "trade", payload: { trade }, kind: "missing id" };
    }],
    ["unknown status", () => {
      const trade = baseTrade();
      trade.status = pick([...STATUSES, pick(MARKUP)]);
      return { event: "trade", payload: { trade }, kind: "unknown status" };
    }],
    ["markup in text", () => {
      const trade = baseTrade();
      trade.items = [{ ...item(), name: pick(MARKUP) }];
      trade.botInfo = { name: pick(MARKUP), avatar: pick(MARKUP) };
      trade.error = pick(MARKUP);
      return { event: "trade", payload: { trade }, kind: "markup in text" };
    }],
    ["huge string", () => {
      const trade = baseTrade();
      const key = pick(["id", "status", "externalId", "items", "error", "createdAt"]);
      trade[key] = key === "items" ? [{ id: "i", name: big() }] : big();
      return { event: "trade", payload: { trade }, kind: "huge string" };
    }],
    ["deep nesting", () => {
      const trade = baseTrade();
      trade[pick(["items", "botInfo", "extra", "id"])] = deep(200 + int(1800));
      return { event: "trade", payload: next() < 0.3 ? deep(500) : { trade }, kind: "deep nesting" };
    }],
    ["prototype pollution", () => {
      const trade = baseTrade();
      const polluter = { polluted: true, status: "completed", isAdmin: true };
      const raw = JSON.stringify({ trade }).replace('"id":', `"__proto__":${JSON.stringify(polluter)},"constructor":{"prototype":${JSON.stringify(polluter)}},"id":`);
      const payload: unknown = JSON.parse(raw);
      if (next() < 0.3) (payload as { trade: { items: unknown[] } }).trade.items = JSON.parse(`[{"__proto__":{"polluted":true},"id":"pp","name":"x"}]`) as unknown[];
      return { event: "trade", payload, kind: "prototype pollution" };
    }],
    ["not an object", () => ({ event: pick<SocketEventName>(["trade", "deposit", "withdrawal"]), payload: hostile(), kind: "not an object" })],
    ["wrong envelope", () => ({ event: "trade", payload: pick([{ funding: baseTrade() }, { trades: [baseTrade()] }, [baseTrade()], { trade: [baseTrade()] }]), kind: "wrong envelope" })],
    ["funding", () => {
      serial += 1;
      const funding: Record<string, unknown> = {
        id: next() < 0.7 ? `fz-fund-${seed}-${serial}` : hostile(),
        status: pick(["PENDING", "COMPLETED", "TELEPORTED", "__proto__", pick(MARKUP), 7]),
        amounts: pick([{ usd: "12.50", token: "12.5" }, { usd: pick(MARKUP) }, hostile()]),
        asset: { token: pick(["USDT", pick(MARKUP)]), chain: "ETH" },
        address: pick(["0xabc", pick(MARKUP)]),
        createdAt: next() < 0.8 ? ts(serial * 1000) : hostile(),
      };
      return { event: pick<SocketEventName>(["deposit", "withdrawal"]), payload: next() < 0.9 ? { funding } : funding, kind: "funding" };
    }],
    ["valid but hostile extras", () => {
      const trade = baseTrade();
      trade.extra = deep(50);
      trade["__defineGetter__"] = pick(MARKUP);
      trade["hasOwnProperty"] = "no";
      return { event: "trade", payload: { trade }, kind: "valid but hostile extras" };
    }],
  ];
  // Huge strings are heavy on every hop: keep them to about 1 in 100.
  const weights = makers.map(([name]) => (name === "huge string" ? 1 : name === "deep nesting" ? 4 : 10));
  const total = weights.reduce((a, b) => a + b, 0);
  const out: FuzzEvent[] = [];
  for (let i = 0; i < count; i += 1) {
    let roll = next() * total;
    let index = 0;
    while (index < weights.length - 1 && roll >= (weights[index] ?? 0)) {
      roll -= weights[index] ?? 0;
      index += 1;
    }
    const maker = makers[index]?.[1];
    if (maker) out.push(JSON.parse(JSON.stringify(maker())) as FuzzEvent);
  }
  return out;
}
