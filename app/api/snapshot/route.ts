// GET: what a freshly opened board starts from — every in-flight trade the recorder holds, the most
// recent terminal ones, their recorded status histories, and recent funding — then it follows the live
// socket. Payloads are AssetPay's own objects; the browser parses them with lib/wire.
import { requireStaffApi } from "@/lib/auth";
import { RecorderUnavailableError, recordedSource } from "@/lib/db/recorded-source";
import { jsonError, noStoreJson } from "@/lib/http/json";

export const dynamic = "force-dynamic";

export async function GET() {
  const gate = await requireStaffApi();
  if (!gate.ok) return gate.response;
  try {
    return noStoreJson(await recordedSource().snapshot());
  } catch (error) {
    if (error instanceof RecorderUnavailableError) return jsonError(503, "recorder_unavailable", error.message);
    throw error;
  }
}
