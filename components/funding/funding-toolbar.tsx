"use client";
// The Funding view's filters, each a real control whose count says what choosing it shows: Kind (All,
// Deposits, Withdrawals), Stuck, Status, Chain and Token pickers, and a search over id, address and
// transaction hash. Every change goes to the URL (use-funding-params.ts).
import { FilterChip } from "@/components/trade-board/filter-chip";
import { toggleIn } from "@/lib/trades/board-params";
import type { FundingSummary } from "@/lib/trades/funding-filter";
import type { FundingParams } from "@/lib/trades/funding-params";
import { FUNDING_STATUS_INFO } from "@/lib/trades/funding-status";
import type { FundingStatus } from "@/lib/trades/types";
import { WarningIcon } from "@/components/ui/warning-icon";
import type { UpdateFundingParams } from "./use-funding-params";

interface FundingToolbarProps {
  params: FundingParams;
  update: UpdateFundingParams;
  summary: FundingSummary;
}

/** The statuses merchant funding goes through (docs/assetpay-api.md#funding-statuses); others appear when held. */
const ALWAYS: readonly FundingStatus[] = ["initiated", "pending", "pending_admin", "approved", "completed", "rejected", "failed", "cancelled", "expired"];
const WHEN_PRESENT: readonly FundingStatus[] = ["refunded", "posted", "unknown"];

const SELECT =
  "h-7 rounded-md border border-slate-700 bg-slate-950 px-1.5 text-xs text-slate-100 focus:border-sky-500 focus:outline-none focus:ring-1 focus:ring-sky-500";

function CodePicker({ label, value, options, onChange }: { label: string; value: string | null; options: string[]; onChange: (v: string | null) => void }) {
  const all = value !== null && !options.includes(value) ? [...options, value] : options;
  return (
    <label className="flex items-center gap-1.5 text-xs text-slate-400">
      {label}
      <select value={value ?? ""} onChange={(event) => onChange(event.target.value === "" ? null : event.target.value)} className={SELECT}>
        <option value="">Any</option>
        {all.map((code) => (
          <option key={code} value={code}>
            {code}
          </option>
        ))}
      </select>
    </label>
  );
}

export function FundingToolbar({ params, update, summary }: FundingToolbarProps) {
  const statuses = [...ALWAYS, ...WHEN_PRESENT.filter((s) => summary.statusCounts[s] > 0 || params.statuses.includes(s))];
  const { deposit, withdrawal } = summary.kindCounts;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <div role="group" aria-label="Kind" className="flex items-center gap-1">
          <FilterChip label="All" count={deposit + withdrawal} pressed={params.kind === null} onToggle={() => update((p) => ({ ...p, kind: null }))} />
          <FilterChip label="Deposits" count={deposit} pressed={params.kind === "deposit"} onToggle={() => update((p) => ({ ...p, kind: p.kind === "deposit" ? null : "deposit" }))} />
          <FilterChip
            label="Withdrawals"
            count={withdrawal}
            pressed={params.kind === "withdrawal"}
            onToggle={() => update((p) => ({ ...p, kind: p.kind === "withdrawal" ? null : "withdrawal" }))}
          />
        </div>
        <FilterChip
          label="Stuck"
          count={summary.stuckCount}
          pressed={params.stuckOnly}
          tone="warning"
          icon={<WarningIcon />}
          title="Awaiting an AssetPay admin beyond the alert limit"
          onToggle={() => update((p) => ({ ...p, stuckOnly: !p.stuckOnly }))}
        />
        <CodePicker label="Chain" value={params.chain} options={summary.chains} onChange={(chain) => update((p) => ({ ...p, chain }))} />
        <CodePicker label="Token" value={params.token} options={summary.tokens} onChange={(token) => update((p) => ({ ...p, token }))} />
        <div className="min-w-48 flex-1">
          <label htmlFor="funding-search" className="sr-only">
            Search funding
          </label>
          <input
            id="funding-search"
            type="search"
            value={params.search}
            autoComplete="off"
            spellCheck={false}
            placeholder="Search id, address, transaction hash…"
            onChange={(event) => {
              const search = event.target.value;
              update((p) => ({ ...p, search }));
            }}
            className="h-7 w-full rounded-md border border-slate-700 bg-slate-950 px-2.5 text-xs text-slate-100 placeholder:text-slate-500 focus:border-sky-500 focus:outline-none focus:ring-1 focus:ring-sky-500"
          />
        </div>
      </div>
      <div role="group" aria-label="Status" className="-my-0.5 flex min-w-0 items-center gap-1 overflow-x-auto py-0.5">
        {statuses.map((status) => (
          <FilterChip
            key={status}
            label={FUNDING_STATUS_INFO[status].label}
            count={summary.statusCounts[status]}
            pressed={params.statuses.includes(status)}
            onToggle={() => update((p) => ({ ...p, statuses: toggleIn(p.statuses, status) }))}
            title={`${status}: ${FUNDING_STATUS_INFO[status].meaning}`}
          />
        ))}
      </div>
    </div>
  );
}
