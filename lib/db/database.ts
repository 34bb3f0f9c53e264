// The one database interface the recorder and the app's read routes use: parameterized SQL over either
// PGlite (embedded, the default, a directory under .data/) or PostgreSQL (DATABASE_URL). Both speak the
// same Postgres SQL, so one schema (./migrations) and one repository serve both; no query builder.
// Never interpolate values into SQL: every value goes through `params` ($1, $2, …).
import "server-only";

/** What we pass as a query parameter. Arrays become Postgres arrays (`$1::text[]`). */
export type SqlParam = string | number | boolean | null | readonly string[];

export interface Queryable {
  /** Rows of one statement. Drivers differ on int8 (string vs number): callers convert with Number(). */
  query<Row extends object = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]): Promise<Row[]>;
}

export interface Database extends Queryable {
  readonly kind: "pglite" | "postgres";
  /** Runs `work` in one transaction on one connection; rolls back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Postgres error codes a writer may simply retry: deadlock, serialization failure. */
const RETRYABLE = new Set(["40P01", "40001"]);

export function isRetryableDbError(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && RETRYABLE.has(String(error.code));
}

const WRITE_ATTEMPTS = 3;

/** Runs `work` in a transaction, again (up to 3 attempts in all) when it lost a deadlock or serialization race. */
export async function transactionWithRetry<T>(db: Database, work: (tx: Queryable) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction(work);
    } catch (error) {
      if (attempt >= WRITE_ATTEMPTS || !isRetryableDbError(error)) throw error;
    }
  }
}
