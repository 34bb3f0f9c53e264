// PGlite (Postgres compiled to WASM) behind the Database interface. PGlite is single-process: exactly
// one process may open a data directory, which is why only the recorder opens it (see
// recorder/data-dir-lock.ts) and the app reads through the recorder's internal API instead.
// PGlite runs one statement at a time, so transactions here are naturally serialized.
import "server-only";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { Database, Queryable, SqlParam } from "./database";

function queryable(target: Pick<PGlite, "query">): Queryable {
  return {
    async query<Row extends object>(sql: string, params: readonly SqlParam[] = []) {
      const result = await target.query<Row>(sql, [...params]);
      return result.rows;
    },
  };
}

/** `dir` null: in memory (tests). */
export async function openPglite(dir: string | null): Promise<Database> {
  if (dir !== null) mkdirSync(dir, { recursive: true });
  const db = dir === null ? await PGlite.create() : await PGlite.create(dir);
  const base = queryable(db);
  return {
    kind: "pglite",
    query: base.query,
    transaction: (work) => db.transaction((tx) => work(queryable(tx))),
    close: () => db.close(),
  };
}
