// Staff sign-in's bcrypt work for a listed email and for an unknown one. They should take about the
// same time (lib/auth/staff-password.ts compares an unknown email against a dummy hash of the same
// cost), so the response time does not tell who is staff. Prints figures; asserts nothing on time
// (lib/auth/staff-password.test.ts checks that the compare happens).
import bcrypt from "bcryptjs";
import { verifyStaffPassword } from "@/lib/auth/staff-password";
import { ms, summarize } from "./support";

export interface StaffPasswordFigures {
  cost: number;
  rounds: number;
  knownP50: number;
  unknownP50: number;
  /** Unknown ÷ known median: near 1 when the two cannot be told apart. */
  ratio: number;
}

async function timed(call: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await call();
  return performance.now() - started;
}

export async function runStaffPasswordBench(options: { log?: (line: string) => void; cost?: number; rounds?: number } = {}): Promise<StaffPasswordFigures> {
  const log = options.log ?? console.log;
  // `npm run staff:hash` makes cost-12 hashes.
  const cost = options.cost ?? 12;
  const rounds = options.rounds ?? 8;
  const accounts = [{ email: "ops@bench.test", role: "operator" as const, passwordHash: bcrypt.hashSync("the-password", cost) }];
  // The first unknown email also creates the dummy hash (once per process): not part of a sign-in.
  await verifyStaffPassword(accounts, "warm-up@bench.test", "nope");
  const known: number[] = [];
  const unknown: number[] = [];
  // Interleaved, so a neighbour's burst of work lands on both sides alike.
  for (let round = 0; round < rounds; round += 1) {
    known.push(await timed(() => verifyStaffPassword(accounts, "ops@bench.test", "wrong-password")));
    unknown.push(await timed(() => verifyStaffPassword(accounts, `nobody-${round}@bench.test`, "wrong-password")));
  }
  const k = summarize(known);
  const u = summarize(unknown);
  const figures = { cost, rounds, knownP50: k.p50, unknownP50: u.p50, ratio: u.p50 / k.p50 };
  log(
    `  wrong password at bcrypt cost ${cost}, ${rounds} tries each: listed email p50 ${ms(k.p50)} (max ${ms(k.max)}), ` +
      `unknown email p50 ${ms(u.p50)} (max ${ms(u.max)}); unknown ÷ listed ${figures.ratio.toFixed(2)}`,
  );
  return figures;
}

if (require.main === module) void runStaffPasswordBench();
