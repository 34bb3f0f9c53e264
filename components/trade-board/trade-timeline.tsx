// A trade's status changes as a list: AssetPay's time for each change and when it was first seen (by
// this page or by the event recorder), the latest marked current. Where the steps come from is said
// by trade-history.tsx around it.
import type { StatusChange } from "@/lib/store/state";
import { ExactTime } from "@/components/ui/exact-time";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "./status-badge";

export function TradeTimeline({ history }: { history: readonly StatusChange[] }) {
  return (
    <ol aria-label="Status timeline" className="relative ml-1.5 border-l border-slate-700">
      {history.map((change, index) => {
        const latest = index === history.length - 1;
        return (
          <li key={`${change.at}-${index}`} className="relative pb-3 pl-4 last:pb-0">
            <span
              aria-hidden="true"
              className={`absolute -left-[5px] top-1 h-2.5 w-2.5 rounded-full border ${latest ? "border-sky-300 bg-sky-400" : "border-slate-500 bg-slate-800"}`}
            />
            <div className="flex flex-wrap items-center gap-2">
              <StatusBadge status={change.status} rawStatus={change.rawStatus} />
              {latest ? <span className="text-xs text-slate-400">current</span> : null}
            </div>
            <div className="mt-0.5 text-xs text-slate-400">
              AssetPay time <ExactTime at={change.at} /> · seen <RelativeTime at={change.observedAt} />
            </div>
          </li>
        );
      })}
    </ol>
  );
}
