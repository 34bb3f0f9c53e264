// GET: the event recorder's health as each running recorder last wrote it — connected or not, last
// event and its lag, reconnects, the last reconcile's results, the last prune.
import { recordedSource } from "@/lib/db/recorded-source";
import { noStoreJson } from "@/lib/http/json";
import { withStaff } from "@/lib/http/with-staff";

export const dynamic = "force-dynamic";

export const GET = withStaff(async () => noStoreJson(await recordedSource().health()));
