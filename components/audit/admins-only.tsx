// What /audit shows a signed-in staff member whose role may not read the audit log.
export function AdminsOnly() {
  return (
    <div role="alert" className="rounded-lg border border-amber-700/60 bg-amber-950/40 px-4 py-3 text-sm text-amber-100">
      The audit log is for admins only. Ask an admin if you need to know who did what.
    </div>
  );
}
