// GET: server-sent events for alerts. First `snapshot` ({ alerts, openCount, cursor }), then what
// changed since `Last-Event-ID` or `?since=<cursor>` when given, then every change as `alert` (its
// version as the event id) followed by `count`. Changes are read from the store every 2 s, so every
// instance on one database sees every change within a few seconds; a comment every 15 s keeps
// proxies from closing the stream; the session is checked again every 30 s and the stream ends
// when it has.
import { getStaffSession } from "@/lib/auth";
import { teamSource } from "@/lib/db/team-source";
import { withStaff } from "@/lib/http/with-staff";
import type { Alert, AlertList } from "@/lib/trades/alert-types";

export const dynamic = "force-dynamic";

const POLL_MS = 2_000;
const HEARTBEAT_MS = 15_000;
const SESSION_CHECK_MS = 30_000;

function cursorFrom(request: Request): number | null {
  const given = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("since");
  if (given === null || !/^\d{1,15}$/.test(given)) return null;
  return Number(given);
}

const alertEvent = (alert: Alert) => `id: ${alert.version}\nevent: alert\ndata: ${JSON.stringify(alert)}\n\n`;
const countEvent = (openCount: number) => `event: count\ndata: ${JSON.stringify({ openCount })}\n\n`;

export const GET = withStaff(async (request) => {
  const source = teamSource();
  const since = cursorFrom(request);
  // The first read happens before the answer starts, so an unreachable store is a 503, not a dead stream.
  const snapshot = await source.call({ op: "list", state: "open", limit: 500 });
  const encoder = new TextEncoder();
  const timers: ReturnType<typeof setInterval>[] = [];
  let closed = false;

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const close = () => {
        if (closed) return;
        closed = true;
        for (const timer of timers) clearInterval(timer);
        try {
          controller.close();
        } catch {
          // already closed by the client going away
        }
      };
      request.signal.addEventListener("abort", close);

      let cursor = snapshot.cursor;
      write(`retry: 3000\nevent: snapshot\ndata: ${JSON.stringify(snapshot)}\n\n`);
      let reading = false;
      const sendChanges = async (after: number) => {
        if (reading || closed) return;
        reading = true;
        try {
          const changes: AlertList = await source.call({ op: "changes", cursor: after });
          for (const alert of changes.alerts) write(alertEvent(alert));
          if (changes.alerts.length > 0) write(countEvent(changes.openCount));
          cursor = Math.max(cursor, changes.cursor);
        } catch {
          // The store is briefly unreachable: the next poll tries again from the same cursor.
        } finally {
          reading = false;
        }
      };
      if (since !== null && since < cursor) void sendChanges(since);
      timers.push(setInterval(() => void sendChanges(cursor), POLL_MS));
      timers.push(setInterval(() => write(": keep-alive\n\n"), HEARTBEAT_MS));
      timers.push(
        setInterval(() => {
          getStaffSession()
            .then((staff) => {
              if (!staff) close();
            })
            .catch(close);
        }, SESSION_CHECK_MS),
      );
    },
    cancel() {
      closed = true;
      for (const timer of timers) clearInterval(timer);
    },
  });

  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
});
