// "Show N updates": floats over the header row of a paused table (over the User column, which is not a
// sort control, and never over a row, where it would catch a click meant for the row) while changes
// wait; pressing it shows them.
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
      className="absolute left-[19.5rem] top-0.5 z-10 rounded-full bg-sky-500 px-3 py-0.5 text-xs font-semibold text-slate-950 shadow-lg shadow-black/40 hover:bg-sky-400 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-200"
    >
      Show <span data-testid="pending-updates">{pending}</span> {pending === 1 ? "update" : "updates"}
    </button>
  );
}
