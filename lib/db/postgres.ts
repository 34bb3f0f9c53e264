// PostgreSQL (DATABASE_URL) behind the Database interface, on a small `pg` pool. Any number of
// processes may share one database: every write in the repository is idempotent and newer-only.
// Never log the URL: it carries the password.
import "server-only";
import { Pool, type PoolClient } from "pg";
import type { Database, Queryable, SqlParam } from "./database";

export interface PostgresOptions {
  /** Connections per process; the recorder needs few, the app's routes fewer. */
  maxConnections?: number;
  applicationName?: string;
  onError?: (message: string) => void;
}

function queryable(target: Pool | PoolClient): Queryable {
  return {
    async query<Row extends object>(sql: string, params: readonly SqlParam[] = []) {
      const result = await target.query<Row & Record<string, unknown>>(sql, [...params]);
      return result.rows;
    },
  };
}

export function openPostgres(url: string, options: PostgresOptions = {}): Database {
  const pool = new Pool({
    connectionString: url,
    max: options.maxConnections ?? 4,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    application_name: options.applicationName ?? "assetpay-ops",
  });
  // An idle client losing its server emits here; without a listener node would crash the process.
  pool.on("error", (error) => options.onError?.(`Postgres connection lost: ${error.message}`));
  const base = queryable(pool);
  return {
    kind: "postgres",
    query: base.query,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work(queryable(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
