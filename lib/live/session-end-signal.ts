// One browser's news that its staff session has ended, shared by all its tabs at once. A tab that
// signs out, or whose request is answered 401, announces it; every tab's live connection
// (./live-session.ts) and the alerts stream (./alerts-stream-shared.ts) stop on it, instead of
// streaming on until their own next request finds out. Over a BroadcastChannel (which does not echo to
// its sender, so this tab's own listeners are told directly). Not sticky: a page that signs in again
// in the same tab starts fresh.
import { z } from "zod";

const CHANNEL_NAME = "assetpay-ops:session";
const messageSchema = z.object({ kind: z.literal("session-ended") });

export interface SessionEndSignal {
  /** Tells this tab's listeners and every other tab's. */
  announce(): void;
  /** Calls `listener` whenever an end is announced here or in another tab; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

export function createSessionEndSignal(channel: Pick<BroadcastChannel, "postMessage" | "addEventListener"> | null): SessionEndSignal {
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  channel?.addEventListener("message", (event: Event) => {
    if (messageSchema.safeParse((event as MessageEvent<unknown>).data).success) notify();
  });
  return {
    announce() {
      notify();
      channel?.postMessage({ kind: "session-ended" });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

let pageSignal: SessionEndSignal | null = null;

/** The page's one signal (without BroadcastChannel, or outside a browser, it reaches this tab only). */
export function sessionEndSignal(): SessionEndSignal {
  pageSignal ??= createSessionEndSignal(
    typeof window !== "undefined" && typeof BroadcastChannel !== "undefined" ? new BroadcastChannel(CHANNEL_NAME) : null,
  );
  return pageSignal;
}
