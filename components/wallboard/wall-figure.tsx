// One big count on the wallboard, readable from across a room: a label and a number several
// centimetres tall on a 1080p TV.
const COUNT = new Intl.NumberFormat("en-US");

interface WallFigureProps {
  label: string;
  value: number;
  warning?: boolean;
  testId?: string;
}

export function WallFigure({ label, value, warning = false, testId }: WallFigureProps) {
  const look = warning && value > 0 ? "border-amber-400 bg-amber-500/15 text-amber-100" : "border-slate-700 bg-slate-900 text-white";
  return (
    <div className={`flex min-w-0 flex-col rounded-xl border-2 px-6 py-4 ${look}`}>
      <div className="truncate text-2xl font-semibold uppercase tracking-wide opacity-80">{label}</div>
      <div data-testid={testId} className="text-8xl font-bold leading-none tabular-nums">
        {COUNT.format(value)}
      </div>
    </div>
  );
}
