// Test-only: lib/db/team-source pointed at the database a route test holds (an in-memory PGlite), so the
// real team routes run on it instead of asking a recorder. vi.mock stays in the test file, since vitest
// hoists it only there:
//   vi.mock("@/lib/db/team-source", async (importOriginal) => (await import("@/lib/db/testing/fake-team-source")).fakeTeamSourceModule(importOriginal));
// Each test file gets its own module instance, so the database is never shared between files.
import type { Database } from "../database";
import type * as TeamSourceModule from "../team-source";

/** The database teamSource() answers from; the test file opens it (and fails loudly until it has). */
export const fakeTeamStore = {
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
