// With PGlite only the recorder process may open the database, so it serves reads to the app over a
// tiny HTTP API on 127.0.0.1 and announces where in `<RECORDER_DATA_DIR>/recorder-endpoint.json`:
// URL, a random bearer secret, its pid. The file is written 0600, atomically, next to the database
// itself — whoever can read it could read the database anyway. The app re-reads it on every call, so
// a restarted recorder (new port, new secret) is picked up without restarting the app.
import "server-only";
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

export const ENDPOINT_FILE = "recorder-endpoint.json";

const endpointSchema = z.object({
  url: z.string().regex(/^http:\/\/127\.0\.0\.1:\d{1,5}$/),
  secret: z.string().min(32).max(256),
  pid: z.number().int().positive(),
});

export type RecorderEndpoint = z.infer<typeof endpointSchema>;

export function endpointPath(dataDir: string): string {
  return path.join(path.resolve(dataDir), ENDPOINT_FILE);
}

/** The running recorder's endpoint, or null with why (no file, unreadable, malformed). */
export function readRecorderEndpoint(dataDir: string): RecorderEndpoint | { missing: string } {
  const file = endpointPath(dataDir);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return { missing: `no recorder is running for ${path.resolve(dataDir)} (no ${ENDPOINT_FILE}); start it with npm run recorder` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  const parsed = endpointSchema.safeParse(json);
  return parsed.success ? parsed.data : { missing: `${file} is malformed; restart the recorder` };
}

export function writeRecorderEndpoint(dataDir: string, endpoint: RecorderEndpoint): void {
  const file = endpointPath(dataDir);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(endpoint), { mode: 0o600 });
  renameSync(temporary, file);
}

/** Removes the file if it is still ours (a newer recorder may have replaced it). */
export function removeRecorderEndpoint(dataDir: string, pid: number): void {
  const current = readRecorderEndpoint(dataDir);
  if ("pid" in current && current.pid === pid) rmSync(endpointPath(dataDir), { force: true });
}
