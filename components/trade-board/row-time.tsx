"use client";
// A row's last-activity time in the chosen zone: the clock for today, the date for earlier days (see
// formatWhen), exact times on hover. Reads the store clock in whole minutes, so it re-renders at most
// once a minute (enough to notice midnight), not with every one-second tick.
import { useTimeZone } from "@/components/time-zone/use-time-zone";
import { useOpsStore } from "@/lib/store/use-ops-store";
import { formatExact, formatWhen, toMs } from "@/lib/time/format-time";

const MINUTE = 60_000;

export function RowTime({ updatedAtMs, createdAt }: { updatedAtMs: number; createdAt: string }) {
  const zone = useTimeZone();
  const minute = useOpsStore((s) => Math.floor(s.now / MINUTE));
  if (!Number.isFinite(updatedAtMs)) return <span className="text-slate-500">—</span>;
  const createdMs = toMs(createdAt);
  const created = createdMs === null ? createdAt : formatExact(createdMs, zone);
  return (
    <time dateTime={new Date(updatedAtMs).toISOString()} title={`Last activity ${formatExact(updatedAtMs, zone)}\nCreated ${created}`} suppressHydrationWarning>
      {formatWhen(updatedAtMs, minute * MINUTE, zone)}
    </time>
  );
}
