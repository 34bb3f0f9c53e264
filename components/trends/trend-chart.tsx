"use client";
// One small uPlot chart: a series per game over the range's buckets. uPlot paints on a canvas, so the
// chart is an image with a name (its measure) and a description (its text alternative, shown below
// it). uPlot is loaded only here, in the browser, on first use; 7 days of minute buckets is ~10,000
// points per series, which it draws in a few milliseconds (bench/RESULTS.md, "Trends").
import "uplot/dist/uPlot.min.css";
import { useEffect, useId, useLayoutEffect, useRef } from "react";
import type uPlotType from "uplot";
import type { TimeZoneChoice } from "@/lib/time/format-time";

export interface ChartSeries {
  label: string;
  values: readonly (number | null)[];
  /** A resolved colour (./use-palette-colors). */
  color: string;
}

interface TrendChartProps {
  title: string;
  /** The chart's content in words: its accessible description and the line below it. */
  summary: string;
  /** Bucket starts, seconds since 1970. */
  xs: readonly number[];
  series: readonly ChartSeries[];
  /** Resolved colours for axis text and grid lines. */
  axis: { text: string; grid: string };
  zone: TimeZoneChoice;
  /** Axis times as clock times (1 h, 24 h) or days (7 d). */
  timeLabels: "clock" | "day";
  /** Formats a y value (counts as whole numbers by default). */
  formatValue?: (value: number) => string;
}

const HEIGHT = 60;
const AXIS_FONT = "12px ui-sans-serif, system-ui, sans-serif";
const whole = (value: number) => (Number.isInteger(value) ? String(value) : "");

/** The dashboard's own time style (24-hour, en-GB) in the chosen zone, not uPlot's 12-hour default. */
function timeLabel(kind: "clock" | "day", zone: TimeZoneChoice): (seconds: number) => string {
  const format = new Intl.DateTimeFormat("en-GB", {
    ...(kind === "clock" ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } : { day: "numeric", month: "short" }),
    timeZone: zone === "utc" ? "UTC" : undefined,
  });
  return (seconds) => format.format(new Date(seconds * 1000));
}

function optionsFor(props: TrendChartProps, width: number, uPlot: typeof uPlotType): uPlotType.Options {
  const format = props.formatValue ?? whole;
  const time = timeLabel(props.timeLabels, props.zone);
  return {
    width,
    height: HEIGHT,
    legend: { show: false },
    cursor: { show: false },
    // Room on the right for the last time label, which is centred on its tick.
    padding: [4, 18, 0, 0],
    ...(props.zone === "utc" ? { tzDate: (ts: number) => uPlot.tzDate(new Date(ts * 1e3), "Etc/UTC") } : {}),
    scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(props.formatValue ? 1 : 2, max * 1.1)] } },
    axes: [
      {
        stroke: props.axis.text,
        font: AXIS_FONT,
        size: 20,
        gap: 2,
        space: 56,
        ticks: { show: false },
        grid: { stroke: props.axis.grid, width: 1 },
        values: (_u, splits) => splits.map(time),
      },
      {
        stroke: props.axis.text,
        font: AXIS_FONT,
        size: 30,
        gap: 2,
        space: 24,
        ticks: { show: false },
        grid: { stroke: props.axis.grid, width: 1 },
        values: (_u, splits) => splits.map(format),
      },
    ],
    series: [{}, ...props.series.map((s) => ({ label: s.label, stroke: s.color, width: 1.5, points: { show: false }, spanGaps: false }))],
  };
}

function dataOf(xs: readonly number[], series: readonly ChartSeries[]): uPlotType.AlignedData {
  return [xs as number[], ...series.map((s) => s.values as (number | null)[])];
}

export function TrendChart(props: TrendChartProps) {
  const { title, summary, xs, series, axis, zone, timeLabels } = props;
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlotType | null>(null);
  // What the next (re)build starts from; kept current after every render, before the effects below.
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const describedBy = useId();

  // (Re)build when what the chart looks like changes: colours, time zone, which series.
  const look = `${axis.text}|${axis.grid}|${zone}|${timeLabels}|${series.map((s) => `${s.label}:${s.color}`).join(",")}`;
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let cancelled = false;
    let resize: ResizeObserver | null = null;
    void import("uplot").then(({ default: uPlot }) => {
      if (cancelled) return;
      const width = Math.max(80, element.clientWidth);
      const now = latest.current;
      chart.current = new uPlot(optionsFor(now, width, uPlot), dataOf(now.xs, now.series), element);
      resize = new ResizeObserver(() => chart.current?.setSize({ width: Math.max(80, element.clientWidth), height: HEIGHT }));
      resize.observe(element);
    });
    return () => {
      cancelled = true;
      resize?.disconnect();
      chart.current?.destroy();
      chart.current = null;
    };
  }, [look]);

  // New numbers: same chart, new data.
  useEffect(() => {
    chart.current?.setData(dataOf(xs, series));
  }, [xs, series]);

  return (
    <figure className="min-w-0">
      <figcaption className="truncate text-xs font-semibold text-slate-300">{title}</figcaption>
      <div ref={box} role="img" aria-label={title} aria-describedby={describedBy} className="h-[60px] w-full overflow-hidden" />
      <p id={describedBy} className="truncate text-xs tabular-nums text-slate-400" title={summary}>
        {summary}
      </p>
    </figure>
  );
}
