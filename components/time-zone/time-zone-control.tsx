"use client";
// The header's Time zone control: the browser's own zone (named) or UTC. Every time on the page follows.
import { TIME_ZONE_CHOICES, type TimeZoneChoice, isTimeZoneChoice, zoneName } from "@/lib/time/format-time";
import { setTimeZone } from "./time-zone-setting";
import { useTimeZone } from "./use-time-zone";

const label = (zone: TimeZoneChoice) => (zone === "utc" ? "UTC" : `Local (${zoneName("local")})`);

export function TimeZoneControl() {
  const zone = useTimeZone();
  return (
    <label className="flex items-center gap-1.5 text-xs text-slate-400">
      <span>Time zone</span>
      <select
        value={zone}
        onChange={(event) => {
          if (isTimeZoneChoice(event.target.value)) setTimeZone(event.target.value);
        }}
        className="rounded border border-slate-700 bg-slate-900 px-1.5 py-1 text-xs text-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
      >
        {TIME_ZONE_CHOICES.map((choice) => (
          <option key={choice} value={choice} suppressHydrationWarning>
            {label(choice)}
          </option>
        ))}
      </select>
    </label>
  );
}
