// "Show N updates": floats over the top of a paused table while changes wait; pressing it shows them.
// The count alone sits in data-testid="pending-updates" (digits only).
interface PendingUpdatesPillProps {
  pending: number;
  onShow: () => void;
}

export function PendingUpdatesPill({ pending, onShow }: PendingUpdatesPillProps) {
  if (pending <= 0) return null;
  return (
    <button
      type="button"
      onClick={onShow}
      className="absolute left-1/2 top-9 z-10 -translate-x-1/2 rounded-full bg-sky-500 px-3 py-1 text-xs font-semibold text-slate-950 shadow-lg shadow-black/40 hover:bg-sky-400 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-200"
    >
      Show <span data-testid="pending-updates">{pending}</span> {pending === 1 ? "update" : "updates"}
    </button>
  );
}
