// GET: what a freshly opened board starts from — every in-flight trade the recorder holds, the most
// recent terminal ones, their recorded status histories, and recent funding — then it follows the live
// socket. Payloads are AssetPay's own objects; the browser parses them with lib/wire.
import { recordedSource } from "@/lib/db/recorded-source";
import { noStoreJson } from "@/lib/http/json";
import { withStaff } from "@/lib/http/with-staff";

export const dynamic = "force-dynamic";

export const GET = withStaff(async () => noStoreJson(await recordedSource().snapshot()));
