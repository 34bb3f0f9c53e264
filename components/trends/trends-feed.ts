// One poller per range for the whole tab: the Trends region and the count cards' sparklines both ask
// for 24 h, and share one request a minute. A feed polls while anyone listens (at once when the tab
// becomes visible again; a hidden tab skips its polls) and keeps the last good answer when a poll fails.
import { type TrendRange, type TrendsAnswer, trendsAnswerSchema } from "@/lib/trades/trends";

export const TRENDS_POLL_MS = 60_000;

export interface TrendsState {
  answer: TrendsAnswer | null;
  error: string | null;
}

interface Feed {
  state: TrendsState;
  listeners: Set<() => void>;
  timer: ReturnType<typeof setTimeout> | null;
  inFlight: boolean;
}

const feeds = new Map<TrendRange, Feed>();
const EMPTY: TrendsState = Object.freeze({ answer: null, error: null });

async function fetchTrends(range: TrendRange): Promise<{ answer: TrendsAnswer } | { error: string }> {
  let response: Response;
  try {
    response = await fetch(`/api/trends?range=${range}`, { cache: "no-store", credentials: "same-origin", headers: { accept: "application/json" } });
  } catch {
    return { error: "Could not reach the dashboard server." };
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
    return { error: typeof message === "string" ? message.slice(0, 200) : `Trends request failed (HTTP ${response.status}).` };
  }
  const parsed = trendsAnswerSchema.safeParse(body);
  return parsed.success ? { answer: parsed.data } : { error: "The trends answer had an unexpected shape." };
}

async function poll(range: TrendRange, feed: Feed): Promise<void> {
  if (feed.inFlight) return;
  if (feed.timer !== null) clearTimeout(feed.timer);
  feed.timer = null;
  feed.inFlight = true;
  const result = await fetchTrends(range);
  feed.inFlight = false;
  if (feed.listeners.size === 0) return;
  feed.state = "answer" in result ? { answer: result.answer, error: null } : { answer: feed.state.answer, error: result.error };
  for (const listener of feed.listeners) listener();
  feed.timer = setTimeout(() => {
    feed.timer = null;
    if (document.visibilityState === "visible") void poll(range, feed);
  }, TRENDS_POLL_MS);
}

function feedOf(range: TrendRange): Feed {
  let feed = feeds.get(range);
  if (!feed) {
    feed = { state: EMPTY, listeners: new Set(), timer: null, inFlight: false };
    feeds.set(range, feed);
  }
  return feed;
}

export function subscribeTrends(range: TrendRange, listener: () => void): () => void {
  const feed = feedOf(range);
  feed.listeners.add(listener);
  const onVisible = () => {
    if (document.visibilityState === "visible" && feed.timer === null) void poll(range, feed);
  };
  document.addEventListener("visibilitychange", onVisible);
  if (feed.listeners.size === 1) void poll(range, feed);
  return () => {
    document.removeEventListener("visibilitychange", onVisible);
    feed.listeners.delete(listener);
    if (feed.listeners.size === 0 && feed.timer !== null) {
      clearTimeout(feed.timer);
      feed.timer = null;
    }
  };
}

export function trendsState(range: TrendRange): TrendsState {
  return feeds.get(range)?.state ?? EMPTY;
}
