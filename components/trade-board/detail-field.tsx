// One labelled value in the drawer's description lists. Renders nothing when there is no value.
import type { ReactNode } from "react";

export function DetailField({ label, children, hint }: { label: string; children: ReactNode; hint?: string }) {
  if (children === null || children === undefined || children === false || children === "") return null;
  return (
    <div className="grid grid-cols-[9rem_1fr] gap-x-3 py-1">
      <dt className="text-slate-400" title={hint}>
        {label}
      </dt>
      <dd className="min-w-0 break-words text-slate-100">{children}</dd>
    </div>
  );
}
