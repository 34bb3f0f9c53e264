// The naive baseline for the browser benchmark: how a plain React list would show the
// same feed — one setState per socket event (a new Map each time), every trade rendered as a DOM row
// (no virtualization), sorted newest activity first like the board. It parses events with the same
// lib/wire parser, so the comparison is about batching and rendering, not validation.
// Bench-only: bundled by bench/naive/server.ts with esbuild, never part of the app.
import { memo, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { io } from "socket.io-client";
import type { Trade } from "@/lib/trades/types";
import { parseTrade, parseTradeEvent } from "@/lib/wire/parse-trade";

interface NaiveConfig {
  socketUrl: string;
  token: string;
}

const Row = memo(function Row({ trade }: { trade: Trade }) {
  return (
    <div role="row" data-trade-id={trade.id} data-status={trade.status} data-game={trade.game} style={{ display: "flex", gap: 8, height: 24, fontSize: 12 }}>
      <span role="cell">{trade.updatedAt.slice(11, 19)}</span>
      <span role="cell">{trade.type}</span>
      <span role="cell">{trade.id.slice(0, 8)}</span>
      <span role="cell">{trade.items[0]?.name ?? ""}</span>
      <span role="cell">{trade.status}</span>
      <span role="cell">${trade.totalPrice.toFixed(2)}</span>
    </div>
  );
});

function newestFirst(a: Trade, b: Trade): number {
  return a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0;
}

function NaiveBoard({ config, initial }: { config: NaiveConfig; initial: Map<string, Trade> }) {
  const [trades, setTrades] = useState(initial);
  useEffect(() => {
    const socket = io(config.socketUrl, { transports: ["websocket"], query: { token: config.token } });
    socket.on("trade", (payload: unknown) => {
      const parsed = parseTradeEvent(payload);
      if (!parsed.ok) return;
      const trade = parsed.value;
      setTrades((prev) => new Map(prev).set(trade.id, trade));
    });
    return () => {
      socket.close();
    };
  }, [config]);
  const rows = [...trades.values()].sort(newestFirst);
  return (
    <div role="table" aria-label="Trades">
      <div data-testid="trade-count">{rows.length}</div>
      {rows.map((trade) => (
        <Row key={trade.id} trade={trade} />
      ))}
    </div>
  );
}

async function main(): Promise<void> {
  const config = (await (await fetch("/config")).json()) as NaiveConfig;
  const list = (await (await fetch("/initial")).json()) as unknown[];
  const initial = new Map<string, Trade>();
  for (const item of list) {
    const parsed = parseTrade(item);
    if (parsed.ok) initial.set(parsed.value.id, parsed.value);
  }
  const root = document.getElementById("root");
  if (root) createRoot(root).render(<NaiveBoard config={config} initial={initial} />);
}

void main();
