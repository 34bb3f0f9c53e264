// Two-factor sign-in is on: since when, recovery codes left, and — with a current code — turn it off
// (unless AUTH_REQUIRE_TWO_FACTOR requires it) or get new recovery codes.
import { useState } from "react";
import { ExactTime } from "@/components/ui/exact-time";
import type { TwoFactorSettingsView } from "@/lib/auth/two-factor/settings-schema";
import { CodeField } from "./code-field";
import { SettingsButton } from "./settings-button";

interface TwoFactorOnPanelProps {
  view: TwoFactorSettingsView;
  busy: boolean;
  onTurnOff: (code: string) => void;
  onNewRecoveryCodes: (code: string) => void;
}

export function TwoFactorOnPanel({ view, busy, onTurnOff, onNewRecoveryCodes }: TwoFactorOnPanelProps) {
  const [code, setCode] = useState("");
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-300">
        Two-factor sign-in is <strong className="text-emerald-300">on</strong>
        {view.enabledAt ? (
          <>
            {" "}
            since{" "}
            <ExactTime at={view.enabledAt} />
          </>
        ) : null}
        . {view.recoveryCodesLeft} recovery {view.recoveryCodesLeft === 1 ? "code" : "codes"} left.
      </p>
      {view.required ? <p className="text-sm text-slate-400">Your administrator requires it for your account.</p> : null}
      <CodeField value={code} onChange={setCode} hint="A current code from your authenticator app, or a recovery code." />
      <div className="flex flex-wrap gap-2">
        {view.required ? null : (
          <SettingsButton disabled={busy} onClick={() => onTurnOff(code)}>
            Turn off
          </SettingsButton>
        )}
        <SettingsButton disabled={busy} onClick={() => onNewRecoveryCodes(code)}>
          New recovery codes
        </SettingsButton>
      </div>
    </div>
  );
}
