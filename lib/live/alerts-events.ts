// Turns one server-sent event of /api/alerts/stream (its event name and data text) into a typed
// alerts event, or a failure reason the alerts store counts as malformed. Never throws: a bad
// payload must not stop the stream.
import { fail, reasonFromZod, type ParseFailure } from "@/lib/wire/parse-result";
import { type Alert, alertSchema, alertsSnapshotSchema, openCountSchema } from "./alerts-schema";

export type AlertsEvent =
  | { type: "snapshot"; alerts: Alert[]; openCount: number; cursor: number; malformed: string[] }
  | { type: "alert"; alert: Alert }
  | { type: "count"; openCount: number };

export type AlertsEventResult = { ok: true; event: AlertsEvent } | ParseFailure;

function json(data: string): { ok: true; value: unknown } | ParseFailure {
  try {
    return { ok: true, value: JSON.parse(data) as unknown };
  } catch {
    return fail("payload: not JSON");
  }
}

export function parseAlertsEvent(name: string, data: string): AlertsEventResult {
  const raw = json(data);
  if (!raw.ok) return raw;
  if (name === "snapshot") {
    const body = alertsSnapshotSchema.safeParse(raw.value);
    if (!body.success) return fail(reasonFromZod("snapshot", body.error));
    const alerts: Alert[] = [];
    const malformed: string[] = [];
    for (const item of body.data.alerts) {
      const alert = alertSchema.safeParse(item);
      if (alert.success) alerts.push(alert.data);
      else malformed.push(reasonFromZod("alert", alert.error));
    }
    return { ok: true, event: { type: "snapshot", alerts, openCount: body.data.openCount, cursor: body.data.cursor, malformed } };
  }
  if (name === "alert") {
    const alert = alertSchema.safeParse(raw.value);
    return alert.success ? { ok: true, event: { type: "alert", alert: alert.data } } : fail(reasonFromZod("alert", alert.error));
  }
  if (name === "count") {
    const count = openCountSchema.safeParse(raw.value);
    return count.success ? { ok: true, event: { type: "count", openCount: count.data.openCount } } : fail(reasonFromZod("count", count.error));
  }
  return fail(`event: unknown name ${name.slice(0, 40)}`);
}
