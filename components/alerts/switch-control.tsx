// An on/off control: a real button with role="switch" and aria-checked, named by its visible label.
interface SwitchControlProps {
  label: string;
  checked: boolean;
  onChange: (on: boolean) => void;
  hint?: string;
}

export function SwitchControl({ label, checked, onChange, hint }: SwitchControlProps) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      title={hint}
      onClick={() => onChange(!checked)}
      className="inline-flex items-center gap-2 rounded-md px-1.5 py-1 text-xs text-slate-200 hover:bg-slate-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
    >
      <span aria-hidden="true" className={`relative h-4 w-7 rounded-full transition ${checked ? "bg-emerald-500" : "bg-slate-600"}`}>
        <span className={`absolute top-0.5 h-3 w-3 rounded-full bg-[#fff] transition ${checked ? "left-3.5" : "left-0.5"}`} />
      </span>
      <span>{label}</span>
    </button>
  );
}
