// GET: the event recorder's health as each running recorder last wrote it — connected or not, last
// event and its lag, reconnects, the last reconcile's results, the last prune.
import { requireStaffApi } from "@/lib/auth";
import { RecorderUnavailableError, recordedSource } from "@/lib/db/recorded-source";
import { jsonError, noStoreJson } from "@/lib/http/json";

export const dynamic = "force-dynamic";

export async function GET() {
  const gate = await requireStaffApi();
  if (!gate.ok) return gate.response;
  try {
    return noStoreJson(await recordedSource().health());
  } catch (error) {
    if (error instanceof RecorderUnavailableError) return jsonError(503, "recorder_unavailable", error.message);
    throw error;
  }
}
