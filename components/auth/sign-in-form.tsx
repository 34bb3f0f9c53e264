"use client";
// Email + password form, then — for an account with two-factor sign-in on — the Authentication code.
// Works without JavaScript (a plain form post to the server action; the password is typed again with
// the code). With it, refusals show inline in an alert, the email typed so far stays, and the password
// stays in its field (never sent back by the server) while the code is asked for.
import { type FormEvent, useActionState, useEffect, useRef, useTransition } from "react";
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
  const [state, formAction, actionPending] = useActionState(action, { error: initialError, email: defaultEmail });
  const [transitionPending, startTransition] = useTransition();
  const pending = actionPending || transitionPending;
  const passwordRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const codeNeeded = state.codeNeeded === true;

  // Submitting through the action by hand keeps React from resetting the form, so the password can
  // stay for the code step; a refused password is cleared as the plain form post would.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  }

  useEffect(() => {
    if (codeNeeded) {
      if (codeRef.current) {
        codeRef.current.value = "";
        codeRef.current.focus();
      }
    } else if (state.error && passwordRef.current) {
      passwordRef.current.value = "";
    }
  }, [state, codeNeeded]);

  return (
    <form action={formAction} onSubmit={submit} aria-label="Staff sign-in" aria-busy={pending} className="space-y-4">
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
        <input
          id="sign-in-password"
          ref={passwordRef}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={inputClass}
        />
      </div>
      {codeNeeded ? (
        <div className="space-y-1.5">
          <label htmlFor="sign-in-code" className="block text-sm font-medium text-slate-300">
            Authentication code
          </label>
          <input
            id="sign-in-code"
            ref={codeRef}
            name="code"
            type="text"
            inputMode="text"
            autoComplete="one-time-code"
            required
            maxLength={64}
            aria-describedby="sign-in-code-hint"
            className={inputClass}
          />
          <p id="sign-in-code-hint" className="text-xs text-slate-400">
            The 6-digit code from your authenticator app, or one of your recovery codes.
          </p>
        </div>
      ) : null}
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
