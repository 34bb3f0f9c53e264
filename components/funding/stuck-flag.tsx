// The Stuck flag in words, with the warning icon (shape as well as colour), like a stalled trade's.
import { WarningIcon } from "@/components/ui/warning-icon";

export function StuckFlag({ reason }: { reason: string }) {
  return (
    <span className="inline-flex items-start gap-1 text-xs font-medium text-amber-200" title={reason}>
      <WarningIcon className="mt-px h-3.5 w-3.5 text-amber-400" />
      {reason}
    </span>
  );
}
