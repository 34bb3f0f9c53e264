"use client";
// Email + password form. Works without JavaScript (a plain form post to the server action); with it,
// shows refusals inline in an alert and keeps the email typed so far.
import { useActionState } from "react";
import type { SignInState } from "@/lib/auth/actions";

export type SignInAction = (previous: SignInState, form: FormData) => Promise<SignInState>;

interface SignInFormProps {
  action: SignInAction;
  callbackPath: string;
  initialError: string | null;
  defaultEmail: string;
}

const inputClass =
  "block w-full rounded-lg border border-slate-700 bg-slate-950/60 px-3 py-2 text-sm text-slate-100 placeholder:text-slate-600 " +
  "focus:border-emerald-400 focus:outline-none focus:ring-2 focus:ring-emerald-400/30";

export function SignInForm({ action, callbackPath, initialError, defaultEmail }: SignInFormProps) {
  const [state, formAction, pending] = useActionState(action, { error: initialError, email: defaultEmail });
  return (
    <form action={formAction} aria-label="Staff sign-in" aria-busy={pending} className="space-y-4">
      <input type="hidden" name="callbackUrl" value={callbackPath} />
      <div className="space-y-1.5">
        <label htmlFor="sign-in-email" className="block text-sm font-medium text-slate-300">
          Email
        </label>
        <input
          id="sign-in-email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          className={inputClass}
          placeholder="you@company.com"
        />
      </div>
      <div className="space-y-1.5">
        <label htmlFor="sign-in-password" className="block text-sm font-medium text-slate-300">
          Password
        </label>
        <input id="sign-in-password" name="password" type="password" autoComplete="current-password" required className={inputClass} />
      </div>
      {state.error ? (
        <p role="alert" className="rounded-lg border border-rose-500/30 bg-rose-500/10 px-3 py-2 text-sm text-rose-200">
          {state.error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-lg bg-emerald-500 px-3 py-2 text-sm font-semibold text-slate-950 transition hover:bg-emerald-400 focus:outline-none focus-visible:ring-2 focus-visible:ring-emerald-300 disabled:cursor-wait disabled:opacity-70"
      >
        Sign in
      </button>
    </form>
  );
}
