"use client";
// The audit page's data: the first page for the applied filters, then older pages on demand. Answers
// are parsed with zod like any outside value; a newer filter's answer always wins over an older one.
import { useCallback, useEffect, useRef, useState } from "react";
import type { AuditEntry } from "@/lib/audit/audit-actions";
import { type AuditFilterValues, auditFilterParams } from "@/lib/audit/audit-filters";
import { auditPageSchema } from "@/lib/audit/audit-schema";

export type AuditLogState =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "ready"; entries: AuditEntry[]; nextCursor: string | null; loadingMore: boolean };

async function fetchPage(filters: AuditFilterValues, cursor: string | null): Promise<{ entries: AuditEntry[]; nextCursor: string | null }> {
  const response = await fetch(`/api/audit?${auditFilterParams(filters, cursor).toString()}`, { cache: "no-store" });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
    throw new Error(typeof message === "string" ? message : `the server answered HTTP ${response.status}`);
  }
  return auditPageSchema.parse(body);
}

type Loaded = Exclude<AuditLogState, { status: "loading" }> & { for: AuditFilterValues };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function useAuditLog(filters: AuditFilterValues): { state: AuditLogState; loadMore: () => void } {
  // What was loaded, and for which filters: anything loaded for other filters reads as loading.
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const generation = useRef(0);

  useEffect(() => {
    const mine = ++generation.current;
    fetchPage(filters, null).then(
      (page) => {
        if (generation.current === mine) setLoaded({ status: "ready", ...page, loadingMore: false, for: filters });
      },
      (error: unknown) => {
        if (generation.current === mine) setLoaded({ status: "error", message: messageOf(error), for: filters });
      },
    );
  }, [filters]);

  const state: AuditLogState = loaded === null || loaded.for !== filters ? { status: "loading" } : loaded;

  const loadMore = useCallback(() => {
    if (loaded === null || loaded.status !== "ready" || loaded.for !== filters || loaded.nextCursor === null || loaded.loadingMore) return;
    const mine = generation.current;
    const shown = loaded.entries;
    setLoaded({ ...loaded, loadingMore: true });
    fetchPage(filters, loaded.nextCursor).then(
      (page) => {
        if (generation.current === mine) setLoaded({ status: "ready", entries: [...shown, ...page.entries], nextCursor: page.nextCursor, loadingMore: false, for: filters });
      },
      (error: unknown) => {
        if (generation.current === mine) setLoaded({ status: "error", message: messageOf(error), for: filters });
      },
    );
  }, [filters, loaded]);

  return { state, loadMore };
}
