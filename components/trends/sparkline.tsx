// A tiny line of a count over the last 24 hours for a count card: inline SVG, no library. Decorative
// (aria-hidden): the card's name and figure say what matters; the line's <title> tells a pointer user
// what it draws.
export function Sparkline({ values, title, className = "" }: { values: readonly number[]; title: string; className?: string }) {
  if (values.length < 2) return null;
  const width = 64;
  const height = 18;
  const max = Math.max(1, ...values);
  const step = width / (values.length - 1);
  const points = values.map((value, i) => `${(i * step).toFixed(1)},${(height - 1 - (value / max) * (height - 2)).toFixed(1)}`).join(" ");
  return (
    <svg aria-hidden="true" viewBox={`0 0 ${width} ${height}`} width={width} height={height} className={`shrink-0 overflow-visible ${className}`}>
      <title>{title}</title>
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.25" strokeLinejoin="round" vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
