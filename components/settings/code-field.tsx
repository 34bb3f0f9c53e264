// The one text field of the two-factor settings: a code from the authenticator app (or a recovery code
// where one is accepted), labelled "Authentication code".
import { useId } from "react";

interface CodeFieldProps {
  value: string;
  onChange: (value: string) => void;
  hint: string;
}

export function CodeField({ value, onChange, hint }: CodeFieldProps) {
  const id = useId();
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-300">
        Authentication code
      </label>
      <input
        id={id}
        type="text"
        autoComplete="one-time-code"
        maxLength={64}
        required
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={`${id}-hint`}
        className="block w-full max-w-xs rounded-lg border border-slate-700 bg-slate-950/60 px-3 py-2 font-mono text-sm text-slate-100 focus:border-emerald-400 focus:outline-none focus:ring-2 focus:ring-emerald-400/30"
      />
      <p id={`${id}-hint`} className="text-xs text-slate-400">
        {hint}
      </p>
    </div>
  );
}
