// Block explorer links for merchant funding, built ONLY from this fixed per-chain table: the host and
// the path are ours, the event supplies just the hash or address, and only after it passes the chain's
// format check. Never a link taken from an event (an `explorerUrl` field, say): an event is outside
// data, and a link from it could lead a person anywhere (docs/assetpay-api.md#funding-object).
// An unknown chain, or a value that fails the check, gets no link at all. Pure.

export type ExplorerTarget = "tx" | "address";

interface ChainExplorer {
  /** Shown beside the link so a person sees where it goes before following it. */
  host: string;
  path: Record<ExplorerTarget, string>;
  format: Record<ExplorerTarget, RegExp>;
}

const EVM_FORMAT: Record<ExplorerTarget, RegExp> = { tx: /^0x[0-9a-fA-F]{64}$/, address: /^0x[0-9a-fA-F]{40}$/ };
const BASE58 = "[1-9A-HJ-NP-Za-km-z]";
/** Solana: transaction signatures are 64 bytes, addresses 32, both in base58. */
const SOLANA_FORMAT: Record<ExplorerTarget, RegExp> = { tx: new RegExp(`^${BASE58}{64,88}$`), address: new RegExp(`^${BASE58}{32,44}$`) };

/** Keyed by the chain code as merchant funding names it (ETH, BSC, SOL), compared case-insensitively. */
const EXPLORERS: ReadonlyMap<string, ChainExplorer> = new Map([
  ["ETH", { host: "etherscan.io", path: { tx: "/tx/", address: "/address/" }, format: EVM_FORMAT }],
  ["BSC", { host: "bscscan.com", path: { tx: "/tx/", address: "/address/" }, format: EVM_FORMAT }],
  ["SOL", { host: "solscan.io", path: { tx: "/tx/", address: "/account/" }, format: SOLANA_FORMAT }],
]);

export interface ExplorerLink {
  href: string;
  host: string;
}

/** The explorer page for a transaction hash or an address on `chain`, or null when we cannot vouch for one. */
export function explorerLink(chain: string | undefined, target: ExplorerTarget, value: string | undefined): ExplorerLink | null {
  if (chain === undefined || value === undefined) return null;
  const explorer = EXPLORERS.get(chain.trim().toUpperCase());
  if (explorer === undefined || !explorer.format[target].test(value)) return null;
  // The format check admits only [0-9A-Za-z] after "0x", so encoding changes nothing; it stays as a guard.
  return { href: `https://${explorer.host}${explorer.path[target]}${encodeURIComponent(value)}`, host: explorer.host };
}
