// The items of a trade with their prices, per-item status and failure explained in words.
import { formatUsd } from "@/lib/trades/format";
import { explainFailureCode } from "@/lib/trades/failure-codes";
import type { TradeItem } from "@/lib/trades/types";
import { itemLabel } from "./trade-labels";

export function TradeItems({ items }: { items: readonly TradeItem[] }) {
  if (items.length === 0) return <p className="text-slate-400">No items on this trade.</p>;
  return (
    <table className="w-full border-collapse text-xs">
      <thead>
        <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
          <th className="pb-1 font-medium">Item</th>
          <th className="pb-1 text-right font-medium">Qty</th>
          <th className="pb-1 text-right font-medium">Price</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item, index) => (
          <tr key={`${item.id}-${index}`} className="border-t border-slate-800 align-top">
            <td className="py-1.5 pr-2">
              <div className="text-slate-100">{itemLabel(item)}</div>
              <div className="text-xs text-slate-500">
                {[item.exterior, item.marketHashName && item.marketHashName !== item.name ? item.marketHashName : null, item.status ? `status ${item.status}` : null]
                  .filter(Boolean)
                  .join(" · ")}
              </div>
              {item.error ? (
                <div className="text-xs text-rose-300">
                  {item.error}: {explainFailureCode(item.error)}
                </div>
              ) : null}
            </td>
            <td className="py-1.5 text-right tabular-nums">{item.amount ?? 1}</td>
            <td className="py-1.5 text-right tabular-nums">{item.price === undefined ? "—" : formatUsd(item.price)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
