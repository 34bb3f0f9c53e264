import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { TwoFactorSection } from "@/components/settings/two-factor-section";
import { requireStaffSession } from "@/lib/auth";
import { twoFactorContext } from "@/lib/auth/two-factor/context";
import { twoFactorSettingsView } from "@/lib/auth/two-factor/settings-view";
import { RecorderUnavailableError } from "@/lib/db/recorded-source";

export const metadata: Metadata = { title: "Settings · AssetPay Ops" };

export default async function SettingsPage() {
  // The layout checks too, but layouts are not re-run on client navigation: each page checks itself.
  const staff = await requireStaffSession("/settings");
  let view: Awaited<ReturnType<typeof twoFactorSettingsView>> | null = null;
  let unavailable: string | null = null;
  try {
    view = await twoFactorSettingsView(twoFactorContext(await headers()), staff);
  } catch (error) {
    if (!(error instanceof RecorderUnavailableError)) throw error;
    unavailable = error.message;
  }
  return (
    <main className="mx-auto w-full max-w-2xl space-y-6 px-4 py-8">
      <div className="flex items-baseline justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight text-white">Settings</h1>
        <Link href="/board" className="text-sm text-sky-300 hover:underline">
          Back to the board
        </Link>
      </div>
      {view ? (
        <TwoFactorSection initial={view} />
      ) : (
        <p role="alert" className="rounded-lg border border-rose-500/30 bg-rose-500/10 px-3 py-2 text-sm text-rose-200">
          Two-factor settings are unavailable: {unavailable}
        </p>
      )}
    </main>
  );
}
