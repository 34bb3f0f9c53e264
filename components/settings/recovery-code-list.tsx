// The ten recovery codes, shown once after two-factor sign-in is turned on or the codes are renewed.
import { SettingsButton } from "./settings-button";

interface RecoveryCodeListProps {
  codes: readonly string[];
  onDone: () => void;
}

export function RecoveryCodeList({ codes, onDone }: RecoveryCodeListProps) {
  return (
    <div className="space-y-3">
      <p className="text-sm text-amber-200">
        Store these recovery codes somewhere safe, such as a password manager. Each one signs you in once instead of an
        authentication code, if you lose your phone. They are not shown again.
      </p>
      <ul aria-label="Recovery codes" className="grid max-w-sm grid-cols-2 gap-2 rounded-lg border border-slate-700 bg-slate-950/60 p-3 font-mono text-sm text-slate-100">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <SettingsButton primary onClick={onDone}>
        I have stored them
      </SettingsButton>
    </div>
  );
}
