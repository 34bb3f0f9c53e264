import type { Metadata } from "next";
import { cookies } from "next/headers";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { parseThemeChoice, THEME_COOKIE, themeAttribute } from "@/components/theme/theme-choice";
import "./globals.css";

export const metadata: Metadata = {
  title: "AssetPay Ops",
  description: "Live trades, stalled trades and crypto funding for AssetPay merchants.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: the CSP nonce (proxy.ts) must reach Next's inline scripts, and a
  // page prerendered at build time would carry none, so its scripts would be blocked.
  await connection();
  // The remembered theme is rendered with the page (no script, no flash); without one, CSS follows
  // the system's colour scheme (app/globals.css).
  const theme = themeAttribute(parseThemeChoice((await cookies()).get(THEME_COOKIE)?.value));
  return (
    <html lang="en" data-theme={theme}>
      <body className="min-h-screen bg-slate-950 text-slate-100 antialiased">{children}</body>
    </html>
  );
}
