// Two-factor sign-in state per staff email: the TOTP key (AES-GCM ciphertext the app made; never a usable
// key here), a key set up but not yet confirmed, when it was turned on, the newest time step accepted
// (so each code is accepted once) and the hashes of unused recovery codes. Every "use" is one
// conditional statement, so two instances racing on the same code cannot both accept it.
import "server-only";
import type { Queryable } from "./database";
import type { TeamDb } from "./alert-team";
import { isoFromDb } from "./sql-values";

export interface TwoFactorRecord {
  /** The confirmed key's ciphertext; null while two-factor sign-in is off. */
  secret: string | null;
  /** A key shown for setup and not yet confirmed with a code. */
  pendingSecret: string | null;
  enabledAt: string | null;
  lastUsedStep: number | null;
  recoveryCodesLeft: number;
}

interface TwoFactorRow {
  secret: string | null;
  pending_secret: string | null;
  enabled_at: unknown;
  last_used_step: number | string | null;
  codes_left: number | string;
}

export async function readTwoFactor(db: Queryable, email: string): Promise<TwoFactorRecord> {
  const [row] = await db.query<TwoFactorRow>(
    `SELECT secret, pending_secret, enabled_at, last_used_step,
       (SELECT count(*) FROM staff_recovery_codes WHERE email = $1) AS codes_left
     FROM staff_two_factor WHERE email = $1`,
    [email],
  );
  if (!row) return { secret: null, pendingSecret: null, enabledAt: null, lastUsedStep: null, recoveryCodesLeft: 0 };
  const on = row.enabled_at !== null;
  return {
    secret: on ? row.secret : null,
    pendingSecret: row.pending_secret,
    enabledAt: on ? isoFromDb(row.enabled_at) : null,
    lastUsedStep: row.last_used_step === null ? null : Number(row.last_used_step),
    recoveryCodesLeft: on ? Number(row.codes_left) : 0,
  };
}

/** Keeps a new key for setup. false: two-factor sign-in is already on (turn it off first). */
export async function beginTwoFactor(db: Queryable, email: string, pendingSecret: string): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO staff_two_factor (email, pending_secret) VALUES ($1, $2)
     ON CONFLICT (email) DO UPDATE SET pending_secret = EXCLUDED.pending_secret, updated_at = now()
       WHERE staff_two_factor.enabled_at IS NULL
     RETURNING email`,
    [email, pendingSecret],
  );
  return rows.length === 1;
}

export interface EnableTwoFactor {
  email: string;
  /** The pending key the code was checked against: a newer setup in between wins. */
  pendingSecret: string;
  /** The time step of the code that confirmed it: that code cannot sign in afterwards. */
  step: number;
  recoveryCodeHashes: readonly string[];
}

/** Turns the pending key on with fresh recovery codes. false: the pending key changed or it is on already. */
export async function enableTwoFactor(db: TeamDb, input: EnableTwoFactor): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx.query(
      `UPDATE staff_two_factor SET secret = pending_secret, pending_secret = NULL, enabled_at = now(), last_used_step = $3, updated_at = now()
       WHERE email = $1 AND pending_secret = $2 AND enabled_at IS NULL RETURNING email`,
      [input.email, input.pendingSecret, input.step],
    );
    if (rows.length === 0) return false;
    await writeRecoveryCodes(tx, input.email, input.recoveryCodeHashes);
    return true;
  });
}

/** Accepts a TOTP time step once: only one newer than every step accepted before, for this same key. */
export async function claimTimeStep(db: Queryable, email: string, secret: string, step: number): Promise<boolean> {
  const rows = await db.query(
    `UPDATE staff_two_factor SET last_used_step = $3, updated_at = now()
     WHERE email = $1 AND secret = $2 AND enabled_at IS NOT NULL AND (last_used_step IS NULL OR last_used_step < $3)
     RETURNING email`,
    [email, secret, step],
  );
  return rows.length === 1;
}

/** Uses up one recovery code (by hash). false: unknown, already used, or two-factor sign-in is off. */
export async function consumeRecoveryCode(db: Queryable, email: string, codeHash: string): Promise<boolean> {
  const rows = await db.query(
    `DELETE FROM staff_recovery_codes WHERE email = $1 AND code_hash = $2
       AND EXISTS (SELECT 1 FROM staff_two_factor WHERE email = $1 AND enabled_at IS NOT NULL)
     RETURNING email`,
    [email, codeHash],
  );
  return rows.length === 1;
}

/** Replaces every recovery code. false: two-factor sign-in is off. */
export async function replaceRecoveryCodes(db: TeamDb, email: string, hashes: readonly string[]): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx.query("SELECT email FROM staff_two_factor WHERE email = $1 AND enabled_at IS NOT NULL FOR UPDATE", [email]);
    if (rows.length === 0) return false;
    await writeRecoveryCodes(tx, email, hashes);
    return true;
  });
}

/** Forgets the key and the recovery codes. false: there was nothing to forget. */
export async function disableTwoFactor(db: TeamDb, email: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.query("DELETE FROM staff_recovery_codes WHERE email = $1", [email]);
    const rows = await tx.query("DELETE FROM staff_two_factor WHERE email = $1 RETURNING enabled_at", [email]);
    return rows.length === 1;
  });
}

async function writeRecoveryCodes(tx: Queryable, email: string, hashes: readonly string[]): Promise<void> {
  await tx.query("DELETE FROM staff_recovery_codes WHERE email = $1", [email]);
  await tx.query("INSERT INTO staff_recovery_codes (email, code_hash) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING", [email, hashes]);
}
