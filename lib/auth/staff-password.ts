// Checks a staff email and password against STAFF_ACCOUNTS. An unknown email costs the same bcrypt
// work as a known one (a dummy hash of the same cost), so response time does not reveal who is staff.
// The bcrypt work runs in worker threads (./bcrypt-pool), never on the server's main thread.
import type { StaffAccount } from "@/lib/env/auth";
import { type PasswordHasher, workerHasher } from "./bcrypt-pool";

const dummyHashes = new Map<number, Promise<string>>();
const HASHER = Symbol.for("assetpay-ops.password-hasher");

/** One pool per process (on globalThis: Next may load this module once per route bundle). */
function defaultHasher(): PasswordHasher {
  const holder = globalThis as { [HASHER]?: PasswordHasher };
  holder[HASHER] ??= workerHasher();
  return holder[HASHER];
}

function costOf(hash: string): number {
  const cost = Number(hash.split("$")[2]);
  return Number.isInteger(cost) && cost >= 4 && cost <= 31 ? cost : 12;
}

function dummyHash(cost: number, hasher: PasswordHasher): Promise<string> {
  let hash = dummyHashes.get(cost);
  if (!hash) {
    hash = hasher.hash(`not-a-staff-password-${Math.random()}`, cost);
    dummyHashes.set(cost, hash);
  }
  return hash;
}

/** The matching account, or null. */
export async function verifyStaffPassword(
  accounts: readonly StaffAccount[],
  email: string,
  password: string,
  hasher: PasswordHasher = defaultHasher(),
): Promise<StaffAccount | null> {
  const wanted = email.trim().toLowerCase();
  const account = accounts.find((candidate) => candidate.email === wanted);
  const hash = account?.passwordHash ?? (await dummyHash(costOf(accounts[0]?.passwordHash ?? ""), hasher));
  const matches = await hasher.compare(password, hash);
  return account && matches ? account : null;
}

/** The STAFF_ACCOUNTS entry for this email (any case), or null. */
export function findStaffAccount(accounts: readonly StaffAccount[], email: string | null | undefined): StaffAccount | null {
  if (!email) return null;
  const wanted = email.toLowerCase();
  return accounts.find((account) => account.email === wanted) ?? null;
}
