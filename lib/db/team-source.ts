// Where the app's alert and team routes read and write: PostgreSQL directly (DATABASE_URL), else the
// recorder that owns PGlite, through its loopback API — the same split as ./recorded-source. Both run
// the same calls (./team-calls). Throws RecorderUnavailableError when neither can be reached.
import "server-only";
import type { z } from "zod";
import { env } from "@/lib/env/server";
import type { TeamDb } from "./alert-team";
import { fromDatabase, fromRecorder } from "./recorded-source";
import { runTeamCall, type TeamAnswer, type TeamCall, teamAnswerSchemas } from "./team-calls";

export interface TeamSource {
  call<C extends TeamCall>(call: C): Promise<TeamAnswer<C["op"]>>;
}

/** The schema of `call`'s answer, typed by its op (the map is keyed by op, so this is exact). */
function answerSchema<C extends TeamCall>(call: C): z.ZodType<TeamAnswer<C["op"]>> {
  return teamAnswerSchemas[call.op] as unknown as z.ZodType<TeamAnswer<C["op"]>>;
}

/** Runs calls on a database this process holds (PostgreSQL in the app; tests). */
export function teamSourceOver(db: TeamDb): TeamSource {
  return {
    call: async <C extends TeamCall>(call: C) => answerSchema(call).parse(await runTeamCall(db, call)),
  };
}

export function teamSource(): TeamSource {
  const { databaseUrl, recorder } = env();
  if (databaseUrl) {
    return { call: (call) => fromDatabase(databaseUrl, (db) => teamSourceOver(db).call(call)) };
  }
  return { call: (call) => fromRecorder(recorder.dataDir, "/team", answerSchema(call), call) };
}
