// "Sign in with <AUTH_OIDC_NAME>": beside the password form when single sign-on is configured. A plain
// form post to the server action, so it works before (and without) JavaScript.
interface SsoSignInButtonProps {
  name: string;
  action: (form: FormData) => Promise<void>;
  callbackPath: string;
}

export function SsoSignInButton({ name, action, callbackPath }: SsoSignInButtonProps) {
  return (
    <form action={action} aria-label="Single sign-on" className="mt-5 border-t border-slate-800 pt-5">
      <input type="hidden" name="callbackUrl" value={callbackPath} />
      <button
        type="submit"
        className="w-full rounded-lg border border-slate-700 bg-slate-950/60 px-3 py-2 text-sm font-semibold text-slate-100 transition hover:border-emerald-400 hover:text-white focus:outline-none focus-visible:ring-2 focus-visible:ring-emerald-300"
      >
        Sign in with {name}
      </button>
    </form>
  );
}
