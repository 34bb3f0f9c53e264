"use client";
// Runs one history export (GET /api/trades/export): reads the streamed CSV as it arrives, counts the
// rows written against the X-Total-Rows the server sent first, and holds the finished file as a Blob
// for the person to save. Cancel aborts the request (the server stops paging). Browser only.
import { useCallback, useEffect, useRef, useState } from "react";
import { z } from "zod";
import { type TradeExportRange, tradeExportQuery } from "@/lib/trades/trades-csv-range";

export type HistoryExportState =
  | { phase: "idle" }
  | { phase: "running"; written: number; total: number | null }
  | { phase: "done"; rows: number; file: Blob; name: string }
  | { phase: "failed"; message: string };

const errorBodySchema = z.object({ error: z.object({ message: z.string() }) });

function fileNameOf(response: Response, range: TradeExportRange): string {
  const named = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "");
  return named?.[1] ?? `trades-${range.from.slice(0, 10)}-to-${range.to.slice(0, 10)}.csv`;
}

async function failureOf(response: Response): Promise<string> {
  const body = errorBodySchema.safeParse(await response.json().catch(() => null));
  if (response.status === 403) return body.success ? body.data.error.message : "Your role may not export.";
  return body.success ? body.data.error.message : `The export failed (HTTP ${response.status}).`;
}

export function useHistoryExport(): { state: HistoryExportState; start(range: TradeExportRange): void; cancel(): void } {
  const [state, setState] = useState<HistoryExportState>({ phase: "idle" });
  const running = useRef<AbortController | null>(null);

  const cancel = useCallback(() => {
    running.current?.abort();
    running.current = null;
    setState({ phase: "idle" });
  }, []);

  useEffect(() => () => running.current?.abort(), []);

  const start = useCallback((range: TradeExportRange) => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setState({ phase: "running", written: 0, total: null });
    void (async () => {
      try {
        const response = await fetch(`/api/trades/export?${tradeExportQuery(range)}`, { signal: controller.signal, cache: "no-store" });
        if (!response.ok || !response.body) {
          setState({ phase: "failed", message: await failureOf(response) });
          return;
        }
        const total = Number(response.headers.get("x-total-rows"));
        const known = Number.isInteger(total) && total >= 0 ? total : null;
        const parts: Uint8Array[] = [];
        const decoder = new TextDecoder();
        // Every record ends with CRLF; a CRLF inside a quoted cell would count twice, so the count is
        // clamped to the total (the file itself is exact).
        let lineEnds = 0;
        const reader = response.body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          parts.push(value);
          lineEnds += decoder.decode(value, { stream: true }).split("\r\n").length - 1;
          const written = Math.max(0, lineEnds - 1);
          if (!controller.signal.aborted) setState({ phase: "running", written: known === null ? written : Math.min(written, known), total: known });
        }
        if (controller.signal.aborted) return;
        running.current = null;
        setState({
          phase: "done",
          rows: known === null ? Math.max(0, lineEnds - 1) : Math.min(Math.max(0, lineEnds - 1), known),
          file: new Blob(parts as BlobPart[], { type: "text/csv;charset=utf-8" }),
          name: fileNameOf(response, range),
        });
      } catch (error) {
        if (controller.signal.aborted) return;
        running.current = null;
        setState({ phase: "failed", message: `The export stopped: ${error instanceof Error ? error.message : String(error)}` });
      }
    })();
  }, []);

  return { state, start, cancel };
}
