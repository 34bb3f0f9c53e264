// Setting up: the new key as a QR code and as text for the authenticator app, then a code from the app
// to prove it works before two-factor sign-in is turned on.
import { type FormEvent, useState } from "react";
import type { TwoFactorSetup } from "@/lib/auth/two-factor/settings-schema";
import { CodeField } from "./code-field";
import { SettingsButton } from "./settings-button";

interface TwoFactorSetupPanelProps {
  setup: TwoFactorSetup;
  busy: boolean;
  onTurnOn: (code: string) => void;
}

/** The key in groups of four, as authenticator apps show and accept it. */
const grouped = (key: string) => key.match(/.{1,4}/g)?.join(" ") ?? key;

export function TwoFactorSetupPanel({ setup, busy, onTurnOn }: TwoFactorSetupPanelProps) {
  const [code, setCode] = useState("");
  function submit(event: FormEvent) {
    event.preventDefault();
    onTurnOn(code);
  }
  return (
    <form onSubmit={submit} className="space-y-4">
      <p className="text-sm text-slate-300">Scan this QR code with your authenticator app (or type the key), then enter the code it shows.</p>
      <div className="flex flex-wrap items-start gap-4">
        {/* A data: URL drawn on the server; next/image would only add a loader for it. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src={setup.qrCode} alt="QR code for your authenticator app" width={220} height={220} className="rounded-lg bg-[#fff]" />
        <div className="space-y-1">
          <p className="text-xs uppercase tracking-wide text-slate-400">Key</p>
          <code data-testid="two-factor-key" className="block break-all font-mono text-sm text-slate-100">
            {grouped(setup.key)}
          </code>
        </div>
      </div>
      <CodeField value={code} onChange={setCode} hint="The 6-digit code your authenticator app shows for AssetPay Ops." />
      <SettingsButton type="submit" primary disabled={busy}>
        Turn on
      </SettingsButton>
    </form>
  );
}
