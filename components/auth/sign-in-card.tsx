// The sign-in screen: product name, optional demo-mode note, and the form, centred on the page.
import { DemoNote } from "./demo-note";
import { SignInForm, type SignInAction } from "./sign-in-form";
import { SsoSignInButton } from "./sso-sign-in-button";

interface SignInCardProps {
  action: SignInAction;
  callbackPath: string;
  initialError: string | null;
  demo: { email: string | null } | null;
  /** Single sign-on, when configured: the button's name and its action. */
  sso: { name: string; action: (form: FormData) => Promise<void> } | null;
}

export function SignInCard({ action, callbackPath, initialError, demo, sso }: SignInCardProps) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center gap-3 text-center">
          <span
            aria-hidden="true"
            className="flex h-11 w-11 items-center justify-center rounded-xl bg-gradient-to-br from-emerald-400 to-sky-500 text-lg font-bold text-slate-950 shadow-lg shadow-emerald-500/20"
          >
            A
          </span>
          <div>
            <h1 className="text-2xl font-semibold tracking-tight text-white">AssetPay Ops</h1>
            <p className="mt-1 text-sm text-slate-400">Staff sign-in for live trade operations</p>
          </div>
        </div>
        <div className="rounded-2xl border border-slate-800 bg-slate-900/70 p-6 shadow-xl shadow-black/40">
          {demo ? <DemoNote email={demo.email} /> : null}
          <SignInForm action={action} callbackPath={callbackPath} initialError={initialError} defaultEmail={demo?.email ?? ""} />
          {sso ? <SsoSignInButton name={sso.name} action={sso.action} callbackPath={callbackPath} /> : null}
        </div>
        <p className="mt-6 text-center text-xs text-slate-500">Access is limited to merchant staff listed by your administrator.</p>
      </div>
    </main>
  );
}
