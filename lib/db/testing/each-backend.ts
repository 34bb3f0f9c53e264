// Test-only: runs one suite on both storage backends the recorder supports, each on a migrated database
// that is emptied before every test. PostgreSQL is skipped locally with the reason printed when this
// machine cannot start a throwaway cluster, and required in CI (see ./postgres-cluster).
import { afterAll, beforeAll, beforeEach, describe } from "vitest";
import type { Database, Queryable, SqlParam } from "../database";
import { postgresTestGate } from "./postgres-cluster";
import { EMPTY_TABLES, testBackend, type BackendKind } from "./test-databases";

export interface TestDatabase {
  /** Stands for the suite's database from its beforeAll on, so tests can pass it around like a real one. */
  readonly db: Database;
  /** PostgreSQL: the database URL, to open a second connection pool (a second recorder); PGlite: null. */
  url(): string | null;
}

function emptiedBeforeEach(kind: BackendKind): TestDatabase {
  const backend = testBackend(kind);
  let opened: { db: Database; url: string | null } | null = null;
  const current = () => {
    if (!opened) throw new Error(`the ${kind} test database is not open yet (use it inside tests and hooks)`);
    return opened;
  };
  beforeAll(async () => {
    opened = await backend.open();
  }, 180_000);
  afterAll(() => backend.close(), 60_000);
  beforeEach(async () => {
    await current().db.query(EMPTY_TABLES);
  });
  const db: Database = {
    get kind() {
      return current().db.kind;
    },
    query<Row extends object = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]) {
      return current().db.query<Row>(sql, params);
    },
    transaction<T>(work: (tx: Queryable) => Promise<T>) {
      return current().db.transaction(work);
    },
    close: () => current().db.close(),
  };
  return { db, url: () => current().url };
}

/** `suite` once per backend, in describe blocks titled "<title> on PGlite" and "<title> on PostgreSQL". */
export function describeOnEachBackend(title: string, suite: (test: TestDatabase) => void): void {
  const gate = postgresTestGate();
  if (!gate.run) console.warn(gate.reason);
  describe(`${title} on PGlite`, () => suite(emptiedBeforeEach("pglite")));
  describe.skipIf(!gate.run)(`${title} on PostgreSQL${gate.run ? "" : ` — ${gate.reason}`}`, () => suite(emptiedBeforeEach("postgres")));
}
