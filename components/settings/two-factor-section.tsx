"use client";
// The Settings page's "Two-factor sign-in" section: off (with Set up two-factor sign-in), setting up
// (QR code, key, code, Turn on), the recovery codes shown once, and on (Turn off, New recovery codes).
// Every step is a call to /api/settings/two-factor/**; the server decides, this only shows.
import { useState } from "react";
import type { TwoFactorSettingsView, TwoFactorSetup } from "@/lib/auth/two-factor/settings-schema";
import { RecoveryCodeList } from "./recovery-code-list";
import { SettingsButton } from "./settings-button";
import {
  type Answer,
  readTwoFactorSettings,
  renewRecoveryCodes,
  setUpTwoFactor,
  turnTwoFactorOff,
  turnTwoFactorOn,
} from "./two-factor-api";
import { TwoFactorOnPanel } from "./two-factor-on-panel";
import { TwoFactorSetupPanel } from "./two-factor-setup-panel";

type Step = { kind: "overview" } | { kind: "setup"; setup: TwoFactorSetup } | { kind: "recovery-codes"; codes: string[] };

interface TwoFactorSectionProps {
  initial: TwoFactorSettingsView;
}

export function TwoFactorSection({ initial }: TwoFactorSectionProps) {
  const [view, setView] = useState(initial);
  const [step, setStep] = useState<Step>({ kind: "overview" });
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** Runs one call; on success applies it and re-reads the settings (recovery codes left, since when). */
  async function run<T>(request: Promise<Answer<T>>, apply: (value: T) => void) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const answer = await request;
      if (!answer.ok) return setError(answer.message);
      apply(answer.value);
      const fresh = await readTwoFactorSettings();
      if (fresh.ok) setView(fresh.value);
    } finally {
      setBusy(false);
    }
  }

  const mustEnrol = view.required && !view.enabled;
  return (
    <section aria-labelledby="two-factor-heading" className="space-y-4 rounded-2xl border border-slate-800 bg-slate-900/60 p-5">
      <div className="space-y-1">
        <h2 id="two-factor-heading" className="text-lg font-semibold text-white">
          Two-factor sign-in
        </h2>
        <p className="text-sm text-slate-400">
          Signing in then also needs a code from an authenticator app on your phone, so a stolen password alone is not enough.
        </p>
      </div>
      {mustEnrol ? (
        <p role="status" className="rounded-lg border border-amber-500/30 bg-amber-500/10 px-3 py-2 text-sm text-amber-100">
          Your administrator requires two-factor sign-in for your account. Set it up to use the dashboard.
        </p>
      ) : null}
      {notice ? (
        <p role="status" className="text-sm text-emerald-300">
          {notice}
        </p>
      ) : null}
      {!view.passwordAccount ? (
        <p className="text-sm text-slate-300">You sign in through your company&apos;s identity provider, which asks for your second factor.</p>
      ) : step.kind === "recovery-codes" ? (
        <RecoveryCodeList codes={step.codes} onDone={() => setStep({ kind: "overview" })} />
      ) : step.kind === "setup" ? (
        <TwoFactorSetupPanel
          setup={step.setup}
          busy={busy}
          onTurnOn={(code) => run(turnTwoFactorOn(code), ({ recoveryCodes }) => setStep({ kind: "recovery-codes", codes: recoveryCodes }))}
        />
      ) : view.enabled ? (
        <TwoFactorOnPanel
          view={view}
          busy={busy}
          onTurnOff={(code) => run(turnTwoFactorOff(code), () => setNotice("Two-factor sign-in is off."))}
          onNewRecoveryCodes={(code) => run(renewRecoveryCodes(code), ({ recoveryCodes }) => setStep({ kind: "recovery-codes", codes: recoveryCodes }))}
        />
      ) : (
        <div className="space-y-3">
          <p className="text-sm text-slate-300">Two-factor sign-in is off.</p>
          <SettingsButton primary disabled={busy} onClick={() => run(setUpTwoFactor(), (setup) => setStep({ kind: "setup", setup }))}>
            Set up two-factor sign-in
          </SettingsButton>
        </div>
      )}
      {error ? (
        <p role="alert" className="rounded-lg border border-rose-500/30 bg-rose-500/10 px-3 py-2 text-sm text-rose-200">
          {error}
        </p>
      ) : null}
    </section>
  );
}
