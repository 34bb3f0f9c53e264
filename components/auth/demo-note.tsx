// Shown on the sign-in page when `npm start` runs against the built-in simulator.
export function DemoNote({ email }: { email: string | null }) {
  return (
    <aside aria-label="Demo mode" className="mb-5 rounded-lg border border-amber-500/30 bg-amber-500/10 px-3.5 py-3 text-sm text-amber-100">
      <p className="font-medium">Demo mode: running against the built-in AssetPay simulator</p>
      <p className="mt-1 text-amber-200/80">
        {email ? (
          <>
            Sign in as <span className="font-mono text-amber-100">{email}</span> with the password printed in the terminal
            that ran <code className="font-mono">npm start</code>.
          </>
        ) : (
          <>Sign in with one of the accounts in STAFF_ACCOUNTS.</>
        )}
      </p>
    </aside>
  );
}
