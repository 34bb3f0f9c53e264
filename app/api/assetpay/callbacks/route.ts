// POST: AssetPay callbacks forwarded by the merchant's backend (bearer CALLBACK_FORWARD_TOKEN, AssetPay's
// signature checked on the raw body), recorded by the recorder. No staff session: the bearer is the
// credential. See lib/assetpay/callback-handler.ts for the answers.
import { handleForwardedCallback } from "@/lib/assetpay/callback-handler";
import { RecorderUnavailableError } from "@/lib/db/recorded-source";
import { deliverCallbackToRecorder } from "@/lib/db/recorder-writes";
import { env } from "@/lib/env/server";
import { jsonError } from "@/lib/http/json";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const { callbackForwardToken, apiSecret, recorder } = env();
  try {
    return await handleForwardedCallback(request, {
      forwardToken: callbackForwardToken,
      apiSecret,
      now: Date.now,
      deliver: (delivery) => deliverCallbackToRecorder(recorder.dataDir, delivery),
      log: (line) => console.error(`[callbacks] ${line}`),
    });
  } catch (error) {
    if (!(error instanceof RecorderUnavailableError)) throw error;
    console.error(`[callbacks] not recorded: ${error.message}`);
    return jsonError(503, "recorder_unavailable", "the recorder is not running; AssetPay's retry will be recorded once it is");
  }
}
