// A link to a block explorer, only when the fixed per-chain table (lib/trades/explorers.ts) vouches
// for one; its text names the host, so a person sees where it goes. Opens in a new tab, without an opener.
import { explorerLink, type ExplorerTarget } from "@/lib/trades/explorers";

const WHAT: Record<ExplorerTarget, string> = { tx: "transaction", address: "address" };

export function ExplorerLink({ chain, target, value }: { chain: string | undefined; target: ExplorerTarget; value: string | undefined }) {
  const link = explorerLink(chain, target, value);
  if (link === null) return null;
  return (
    <a
      href={link.href}
      target="_blank"
      rel="noopener noreferrer"
      className="rounded text-sky-300 underline underline-offset-2 hover:text-sky-200 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
    >
      View {WHAT[target]} on {link.host}
    </a>
  );
}
