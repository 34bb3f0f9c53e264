// GET: the signed-in staff member's two-factor sign-in: on or off, since when, recovery codes left,
// whether AUTH_REQUIRE_TWO_FACTOR requires it of them, and whether it applies (password accounts).
import { twoFactorContext } from "@/lib/auth/two-factor/context";
import { twoFactorSettingsView } from "@/lib/auth/two-factor/settings-view";
import { noStoreJson } from "@/lib/http/json";
import { withStaff } from "@/lib/http/with-staff";

export const dynamic = "force-dynamic";

export const GET = withStaff(
  async (request, staff) => noStoreJson(await twoFactorSettingsView(twoFactorContext(request.headers), staff)),
  { duringTwoFactorEnrolment: true },
);
