// GET: what a freshly opened board starts from — every in-flight trade the recorder holds, the most
// recent terminal ones, their recorded status histories, and recent funding — then it follows the live
// socket. Payloads are AssetPay's own objects; the browser parses them with lib/wire. Staff who may
// not see Steam trade URLs get them removed (lib/http/trade-answer.ts).
import { recordedSource } from "@/lib/db/recorded-source";
import { tradeAnswerFor } from "@/lib/http/trade-answer";
import { withStaff } from "@/lib/http/with-staff";

export const dynamic = "force-dynamic";

export const GET = withStaff(async (_request, staff) => tradeAnswerFor(staff, await recordedSource().snapshot()));
