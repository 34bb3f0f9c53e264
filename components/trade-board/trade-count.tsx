// How many trades match the current view: digits only inside data-testid="trade-count".
const COUNT = new Intl.NumberFormat("en-US");

export function TradeCount({ matching, total, filtered }: { matching: number; total: number; filtered: boolean }) {
  return (
    <p className="whitespace-nowrap text-xs text-slate-400">
      <span data-testid="trade-count" className="inline-block min-w-[4ch] text-right font-semibold tabular-nums text-slate-100">
        {matching}
      </span>{" "}
      {filtered ? `of ${COUNT.format(total)} trades` : matching === 1 ? "trade" : "trades"}
    </p>
  );
}
