// Alerts benchmark: with 10,000 trades in flight and 500 stalling at once, how long until every alert
// is raised by the recorder (recorder/alert-worker.ts, a pass every 5 s) and delivered to an open tab
// (a plain Node client on GET /api/alerts/stream, which polls the store every 2 s).
// Setup: 9,500 `active` trades that are young (not stalled) and held in place by the simulator, then
// 500 `active` trades created already 30 minutes old (past the 20-minute limit) in one quick loop: the
// control API has no way to backdate existing trades, so "at once" is that loop, and its spread is printed.
// Times are from the start of the stall loop. Prints figures only; nothing is asserted.
import { simRequestTo, type SimTarget } from "@/e2e/support/sim-control";
import { ms, percentile, pool, signInOverHttp, startStack } from "./support";

const IN_FLIGHT = 10_000;
const STALLING = 500;
/** Setup is cut short here (the part should stay within ~4 minutes); the figure says how many it got. */
const SETUP_BUDGET_MS = 100_000;
const WAIT_FOR_ALERTS_MS = 120_000;

interface WireAlert {
  id: string;
  kind: string;
  tradeId: string | null;
  raisedAt: string;
}

function spread(label: string, samples: readonly number[], of: number): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `${label}: ${sorted.length}/${of}; first ${ms(sorted[0] ?? Number.NaN)}, median ${ms(percentile(sorted, 50))}, last ${ms(sorted.at(-1) ?? Number.NaN)}`;
}

/** Sum of `eventsRecorded` over every recorder in the health answer (its shape is the recorder's own). */
async function eventsRecorded(appUrl: string, cookie: string): Promise<number> {
  const response = await fetch(`${appUrl}/api/recorder/health`, { headers: { cookie } });
  const text = await response.text();
  return [...text.matchAll(/"eventsRecorded":(\d+)/g)].reduce((sum, match) => sum + Number(match[1]), 0);
}

/** An open tab's alert stream: when each alert id (of the watched trades) first arrived. */
function openAlertStream(appUrl: string, cookie: string, watched: ReadonlySet<string>, received: Map<string, number>): AbortController {
  const abort = new AbortController();
  const note = (alert: WireAlert) => {
    if (alert.tradeId && watched.has(alert.tradeId) && !received.has(alert.id)) received.set(alert.id, Date.now());
  };
  void (async () => {
    const response = await fetch(`${appUrl}/api/alerts/stream`, { headers: { cookie, accept: "text/event-stream" }, signal: abort.signal });
    if (!response.ok || !response.body) throw new Error(`GET /api/alerts/stream → HTTP ${response.status}`);
    const decoder = new TextDecoder();
    let buffer = "";
    const reader = response.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      buffer += decoder.decode(chunk.value, { stream: true });
      let end = buffer.indexOf("\n\n");
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf("\n\n");
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (!data) continue;
        if (event === "alert") note(JSON.parse(data) as WireAlert);
        if (event === "snapshot") for (const alert of (JSON.parse(data) as { alerts: WireAlert[] }).alerts) note(alert);
      }
    }
  })().catch((error: unknown) => {
    if (!abort.signal.aborted) console.error(`  alert stream failed: ${error instanceof Error ? error.message : String(error)}`);
  });
  return abort;
}

export async function runAlertsBench({ log }: { log: (line: string) => void }): Promise<void> {
  const stack = await startStack("alerts", { apps: [{ label: "app" }], recorder: {} });
  try {
    const sim: SimTarget = stack.sim;
    const appUrl = stack.apps[0]?.url ?? "";
    const cookie = await signInOverHttp(appUrl, stack.staff);

    const setupStarted = Date.now();
    const background = IN_FLIGHT - STALLING;
    let created = 0;
    await pool(
      Array.from({ length: background }, (_, i) => i),
      16,
      async (i) => {
        if (Date.now() - setupStarted > SETUP_BUDGET_MS) return;
        await simRequestTo(sim, "POST", "/__sim/trades", { status: "active", ageSeconds: 0, game: i % 4 ? "730" : "252490", stall: true });
        created += 1;
      },
    );
    const createdMs = Date.now() - setupStarted;
    // Let the recorder learn them (its socket) before the stall, so its passes scan them all.
    const learnStarted = Date.now();
    let learned = await eventsRecorded(appUrl, cookie);
    while (learned < created && Date.now() - learnStarted < 60_000) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      learned = await eventsRecorded(appUrl, cookie);
    }
    log(`  setup: ${created} young in-flight trades created in ${(createdMs / 1000).toFixed(1)} s; recorder reports ${learned} events after ${((Date.now() - learnStarted) / 1000).toFixed(1)} s more`);

    const watched = new Set<string>();
    const received = new Map<string, number>();
    const stream = openAlertStream(appUrl, cookie, watched, received);
    // The stream's snapshot first, so a delivery is never missed for want of an open connection.
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    const stallStarted = Date.now();
    await pool(
      Array.from({ length: STALLING }, (_, i) => i),
      16,
      async (i) => {
        const trade = await simRequestTo<{ id: string }>(sim, "POST", "/__sim/trades", { status: "active", ageSeconds: 1800, game: i % 4 ? "730" : "252490", stall: true });
        watched.add(trade.id);
      },
    );
    const stallSpreadMs = Date.now() - stallStarted;
    log(`  stall: ${watched.size} trades made stalled in one loop over ${ms(stallSpreadMs)} (in flight: ${created + watched.size})`);

    const raised = new Map<string, number>();
    const waitStarted = Date.now();
    while ((raised.size < watched.size || received.size < watched.size) && Date.now() - waitStarted < WAIT_FOR_ALERTS_MS) {
      const response = await fetch(`${appUrl}/api/alerts?state=open&limit=500`, { headers: { cookie } });
      if (response.ok) {
        const list = (await response.json()) as { alerts: WireAlert[] };
        for (const alert of list.alerts) {
          if (alert.tradeId && watched.has(alert.tradeId) && !raised.has(alert.id)) raised.set(alert.id, Date.parse(alert.raisedAt));
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    stream.abort();

    log(`  ${spread("raised (raisedAt − stall start)", [...raised.values()].map((at) => at - stallStarted), watched.size)}`);
    log(`  ${spread("received on the stream (arrival − stall start)", [...received.values()].map((at) => at - stallStarted), watched.size)}`);
    // raisedAt is stamped per row, so its spread is the writing part of the pass; the scan before it is
    // not exposed (the recorder logs "raised N alert(s)" once per pass, without times).
    const raisedTimes = [...raised.values()];
    log(`  raisedAt spread (the pass's writes): ${ms(Math.max(...raisedTimes) - Math.min(...raisedTimes))}; the whole pass time is not exposed`);
  } finally {
    await stack.stop();
  }
}
