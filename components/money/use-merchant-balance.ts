"use client";
// Polls the merchant balance every 30 s while the tab is visible (and at once when it becomes visible
// again). Keeps the last good value when a poll fails, and says so, rather than blanking the card.
import { useEffect, useState } from "react";
import { type BalanceResponse, balanceErrorSchema, balanceResponseSchema } from "./balance-response";

export const BALANCE_POLL_MS = 30_000;

export interface MerchantBalanceState {
  data: BalanceResponse | null;
  /** Our clock (ms) of the last successful answer. */
  fetchedAt: number | null;
  error: string | null;
  signedOut: boolean;
}

async function fetchBalance(): Promise<{ data: BalanceResponse } | { error: string; signedOut: boolean }> {
  let response: Response;
  try {
    response = await fetch("/api/assetpay/balance", { cache: "no-store", credentials: "same-origin", headers: { accept: "application/json" } });
  } catch {
    return { error: "Could not reach the dashboard server.", signedOut: false };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const parsed = balanceResponseSchema.safeParse(body);
    return parsed.success ? { data: parsed.data } : { error: "The balance answer had an unexpected shape.", signedOut: false };
  }
  const problem = balanceErrorSchema.safeParse(body);
  return {
    error: problem.success ? problem.data.error.message : `Balance request failed (HTTP ${response.status}).`,
    signedOut: response.status === 401,
  };
}

export function useMerchantBalance(): MerchantBalanceState {
  const [state, setState] = useState<MerchantBalanceState>({ data: null, fetchedAt: null, error: null, signedOut: false });
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let inFlight = false;
    const poll = async () => {
      if (inFlight) return;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      inFlight = true;
      const result = await fetchBalance();
      inFlight = false;
      if (cancelled) return;
      setState((prev) =>
        "data" in result
          ? { data: result.data, fetchedAt: Date.now(), error: null, signedOut: false }
          : { ...prev, error: result.error, signedOut: result.signedOut },
      );
      if (!("data" in result) && result.signedOut) return;
      timer = setTimeout(() => {
        timer = null;
        // A hidden tab skips the poll; becoming visible polls at once (onVisible).
        if (document.visibilityState === "visible") void poll();
      }, BALANCE_POLL_MS);
    };
    const onVisible = () => {
      if (document.visibilityState === "visible" && timer === null) void poll();
    };
    void poll();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      cancelled = true;
      if (timer !== null) clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, []);
  return state;
}
