"use client";
// The control named Range: 1 h, 24 h or 7 d, as native radio buttons (arrow keys move between them)
// drawn as one segmented control; each invisible radio covers its label, so a click lands on it.
import { TREND_RANGE_SPECS, TREND_RANGES, type TrendRange } from "@/lib/trades/trends";

export function RangeControl({ value, onChange }: { value: TrendRange; onChange: (range: TrendRange) => void }) {
  return (
    <div role="radiogroup" aria-label="Range" className="inline-flex overflow-hidden rounded-md border border-slate-700 text-xs">
      {TREND_RANGES.map((range) => (
        <label
          key={range}
          className="relative cursor-pointer whitespace-nowrap px-2 py-0.5 text-slate-300 has-[:checked]:bg-sky-500/20 has-[:checked]:font-semibold has-[:checked]:text-sky-200 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-sky-400"
        >
          <input
            type="radio"
            name="trend-range"
            value={range}
            checked={value === range}
            onChange={() => onChange(range)}
            className="absolute inset-0 m-0 cursor-pointer opacity-0"
          />
          {TREND_RANGE_SPECS[range].label}
        </label>
      ))}
    </div>
  );
}
