// Test-only: lib/db/team-source pointed at the database a route test holds (an in-memory PGlite), so the
// real team routes run on it instead of asking a recorder. vi.mock stays in the test file (vitest hoists
// it only there), which also calls openFakeTeamStore() and empties the store before each test:
//   vi.mock("@/lib/db/team-source", async (importOriginal) => (await import("@/lib/db/testing/fake-team-source")).fakeTeamSourceModule(importOriginal));
// Each test file gets its own module instance, so the database is never shared between files.
import { afterAll, beforeAll } from "vitest";
import type { Database } from "../database";
import type * as TeamSourceModule from "../team-source";
import { EMPTY_TABLES, testBackend } from "./test-databases";

/** The database teamSource() answers from; the test file opens it (and fails loudly until it has). */
const fakeTeamStore = {
  db: null as Database | null,
};

export async function fakeTeamSourceModule(importOriginal: <T>() => Promise<T>): Promise<typeof TeamSourceModule> {
  const real = await importOriginal<typeof TeamSourceModule>();
  return {
    ...real,
    teamSource: () => {
      if (!fakeTeamStore.db) throw new Error("no test database");
      return real.teamSourceOver(fakeTeamStore.db);
    },
  };
}

/** Opens an in-memory PGlite store for the calling test file's tests, and closes it after them. */
export function openFakeTeamStore(): void {
  const backend = testBackend("pglite");
  beforeAll(async () => {
    fakeTeamStore.db = (await backend.open()).db;
  }, 120_000);
  afterAll(() => backend.close());
}

/** The store with every table emptied, so a test never sees what an earlier one left. */
export async function emptyFakeTeamStore(): Promise<Database> {
  if (!fakeTeamStore.db) throw new Error("no test database");
  await fakeTeamStore.db.query(EMPTY_TABLES);
  return fakeTeamStore.db;
}
