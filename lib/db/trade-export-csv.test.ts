import { describe, expect, it, vi } from "vitest";
import { wireTrade } from "@/lib/trades/test-fixtures";
import { DEFAULT_STALL_LIMITS } from "@/lib/trades/stall-rules";
import { TRADE_CSV_COLUMNS } from "@/lib/trades/trades-csv";
import type { ExportCursor, TradeExportPage } from "./trade-export";
import { type ExportPager, tradeExportCsv } from "./trade-export-csv";

const NOW = Date.parse("2026-05-01T12:00:00.000Z");

/** Pages of `size` rows out of `total`, trades t-0000…, each a fixtures payload. */
function fakePages(total: number, size: number): { pager: ExportPager; asked: (ExportCursor | null)[] } {
  const asked: (ExportCursor | null)[] = [];
  const pager = vi.fn(async (after: ExportCursor | null): Promise<TradeExportPage> => {
    asked.push(after);
    const start = after === null ? 0 : Number(after.afterId.slice(2)) + 1;
    const ids = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => `t-${String(start + i).padStart(4, "0")}`);
    return {
      rows: ids.map((id) => ({
        id,
        payload: wireTrade({ id, status: "active", activeAt: "2026-05-01T11:00:00.000Z", updatedAt: "2026-05-01T11:00:00.000Z", externalId: `=cmd|${id}` }),
        statusSince: null,
        missing: id === "t-0001",
      })),
      next: ids.length === size ? { afterUs: "0", afterId: ids[ids.length - 1] ?? "" } : null,
    };
  });
  return { pager, asked };
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("tradeExportCsv", () => {
  it("writes the header and every page's trades in order, judged stalled at export time, cells neutralised", async () => {
    const { pager, asked } = fakePages(7, 3);
    const lines = (await readAll(tradeExportCsv(pager, { nowMs: NOW, limits: DEFAULT_STALL_LIMITS }))).split("\r\n");
    expect(lines[0]).toBe(TRADE_CSV_COLUMNS.join(","));
    expect(lines.slice(1, -1).map((line) => line.split(",")[0])).toEqual(["t-0000", "t-0001", "t-0002", "t-0003", "t-0004", "t-0005", "t-0006"]);
    expect(asked.map((cursor) => cursor?.afterId ?? null)).toEqual([null, "t-0002", "t-0005"]);
    // active for an hour, over the 20-minute limit: stalled; t-0001 is missing at AssetPay.
    expect(lines[1]).toContain(",'=cmd|t-0000,deposit,cs2,active,active,yes,no,");
    expect(lines[2]).toContain(",yes,yes,");
    expect(lines[1]?.endsWith(",2026-05-01T11:00:00.000Z")).toBe(true);
  });

  it("keeps the id of a payload it cannot read, so the rows still add up", async () => {
    const pager: ExportPager = async () => ({ rows: [{ id: "broken", payload: { nonsense: true }, statusSince: null, missing: false }], next: null });
    const lines = (await readAll(tradeExportCsv(pager, { nowMs: NOW, limits: DEFAULT_STALL_LIMITS }))).split("\r\n");
    expect(lines[1]).toBe(`broken${",".repeat(TRADE_CSV_COLUMNS.length - 1)}`);
  });

  it("stops asking for pages once the reader cancels", async () => {
    const { pager, asked } = fakePages(1_000_000, 2_000);
    const reader = tradeExportCsv(pager, { nowMs: NOW, limits: DEFAULT_STALL_LIMITS }).getReader();
    await reader.read();
    await reader.cancel();
    const soon = asked.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(asked.length).toBe(soon);
    expect(soon).toBeLessThan(5);
  });

  it("fails the stream when a page cannot be read", async () => {
    const onError = vi.fn();
    const pager: ExportPager = async (after) => {
      if (after) throw new Error("recorder gone");
      return { rows: [{ id: "t-1", payload: wireTrade({ id: "t-1" }), statusSince: null, missing: false }], next: { afterUs: "1", afterId: "t-1" } };
    };
    await expect(readAll(tradeExportCsv(pager, { nowMs: NOW, limits: DEFAULT_STALL_LIMITS, onError }))).rejects.toThrow();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: "recorder gone" }));
  });
});
