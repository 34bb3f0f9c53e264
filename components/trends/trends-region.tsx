"use client";
// The Trends region, a strip under the count cards: one small chart per measure (trades started, completed, failed, reverted,
// stalled, and the median wait from active to accepted), a series per game, over the range chosen
// with the Range control; refreshed about once a minute from GET /api/trends (./trends-feed). Each
// chart's totals are written under it, which is also its text alternative.
import { memo, useMemo, useState } from "react";
import { useTimeZone } from "@/components/time-zone/use-time-zone";
import { PAINT_ISOLATED } from "@/components/ui/paint-isolated";
import { TREND_COUNT_TITLES, TREND_COUNTS, TREND_RANGE_SPECS, type TrendRange, type TrendsAnswer } from "@/lib/trades/trends";
import { RangeControl } from "./range-control";
import { type ChartSeries, TrendChart } from "./trend-chart";
import { countTotalsText, gameName, medianText, topFailureCodesText } from "./trend-text";
import { usePaletteColors } from "./use-palette-colors";
import { useTrends } from "./use-trends";

/** CS2, Rust, other games; then axis text and grid. Text-grade shades of the palette (AA in both themes). */
const COLORS = ["sky-400", "amber-400", "emerald-400", "slate-400", "slate-800"] as const;
const SWATCH_CLASS = ["bg-sky-400", "bg-amber-400", "bg-emerald-400"] as const;
const MEDIAN_TITLE = "Median time to accept";
/** Axis labels of the median chart (values in minutes): "30s", "4.5m", "2h" (room for four characters). */
function shortMinutes(value: number): string {
  if (value === 0) return "0";
  if (value < 1) return `${Math.round(value * 60)}s`;
  if (value < 60) return `${Number(value.toFixed(1))}m`;
  return `${Number((value / 60).toFixed(1))}h`;
}

interface Charts {
  xs: number[];
  counts: { measure: (typeof TREND_COUNTS)[number]; series: ChartSeries[]; summary: string }[];
  median: { series: ChartSeries[]; summary: string };
}

function chartsOf(answer: TrendsAnswer, colors: readonly string[]): Charts {
  const xs = Array.from({ length: answer.buckets }, (_, i) => (answer.fromMs + i * answer.bucketMs) / 1000);
  const seriesOf = (values: (game: TrendsAnswer["games"][number]) => readonly (number | null)[]) =>
    answer.games.map((game, i) => ({ label: gameName(game.game), values: values(game), color: colors[Math.min(i, 2)] ?? "" }));
  const range = TREND_RANGE_SPECS[answer.range].label;
  return {
    xs,
    counts: TREND_COUNTS.map((measure) => {
      const codes = measure === "failed" ? topFailureCodesText(answer.games) : "";
      return {
        measure,
        series: seriesOf((game) => game[measure]),
        summary: `${countTotalsText(answer.games, measure)} in ${range}${codes ? ` (${codes})` : ""}`,
      };
    }),
    median: {
      series: seriesOf((game) => game.medianActiveToAcceptedMs.map((ms) => (ms === null ? null : ms / 60_000))),
      summary: `${medianText(answer.games)} over ${range}`,
    },
  };
}

export const TrendsRegion = memo(function TrendsRegion() {
  const [range, setRange] = useState<TrendRange>("24h");
  const { answer: fresh, error } = useTrends(range);
  // While a newly chosen range loads, the last one stays on screen (dimmed) instead of a blank.
  const [kept, keep] = useState<TrendsAnswer | null>(null);
  if (fresh && fresh !== kept) keep(fresh);
  const answer = fresh ?? kept;
  const zone = useTimeZone();
  const colors = usePaletteColors(COLORS);
  const charts = useMemo(() => (answer && colors ? chartsOf(answer, colors) : null), [answer, colors]);
  const timeLabels = answer && answer.bucketMs >= 3_600_000 ? "day" : "clock";
  const axis = useMemo(() => ({ text: colors?.[3] ?? "", grid: colors?.[4] ?? "" }), [colors]);

  return (
    <section
      aria-labelledby="trends-heading"
      className={`flex shrink-0 flex-col gap-x-3 rounded-lg border border-slate-800 bg-slate-900/40 px-3 py-1.5 lg:flex-row ${PAINT_ISOLATED}`}
    >
      <div className="flex shrink-0 flex-wrap items-center gap-x-3 gap-y-1 lg:flex-col lg:flex-nowrap lg:items-start">
        <h2 id="trends-heading" className="text-xs font-semibold text-slate-200">
          Trends
        </h2>
        <ul aria-label="Games" className="flex gap-2 text-xs text-slate-300">
          {(answer?.games ?? []).map((game, i) => (
            <li key={game.game} className="inline-flex items-center gap-1">
              <span aria-hidden="true" className={`inline-block h-0.5 w-3 ${SWATCH_CLASS[Math.min(i, 2)]}`} />
              {gameName(game.game)}
            </li>
          ))}
        </ul>
        <RangeControl value={range} onChange={setRange} />
        {error ? (
          <p role="status" className="text-xs text-amber-300" title={error}>
            Not refreshed: {error}
          </p>
        ) : null}
      </div>
      {charts ? (
        <div className="grid min-w-0 flex-1 grid-cols-2 gap-x-3 gap-y-1 sm:grid-cols-3 lg:grid-cols-6" aria-busy={answer?.range !== range}>
          {charts.counts.map((chart) => (
            <TrendChart
              key={chart.measure}
              title={TREND_COUNT_TITLES[chart.measure]}
              summary={chart.summary}
              xs={charts.xs}
              series={chart.series}
              axis={axis}
              zone={zone}
              timeLabels={timeLabels}
            />
          ))}
          <TrendChart
            title={MEDIAN_TITLE}
            summary={charts.median.summary}
            xs={charts.xs}
            series={charts.median.series}
            axis={axis}
            zone={zone}
            timeLabels={timeLabels}
            formatValue={shortMinutes}
          />
        </div>
      ) : (
        <p className="py-2 text-xs text-slate-500">{error ? "No trends yet." : "Loading trends…"}</p>
      )}
    </section>
  );
});
