import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInCard } from "@/components/auth/sign-in-card";
import { env } from "@/lib/env/server";
import { getStaffSession } from "@/lib/auth";
import { signInWithPassword } from "@/lib/auth/actions";
import { signInWithSso } from "@/lib/auth/sso-actions";
import { parseSignInParams } from "@/lib/auth/sign-in-params";

export const metadata: Metadata = { title: "Sign in · AssetPay Ops" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { callbackPath, error } = parseSignInParams(await searchParams);
  if (await getStaffSession()) redirect(callbackPath);
  const { demo, oidc } = env();
  return (
    <SignInCard
      action={signInWithPassword}
      callbackPath={callbackPath}
      initialError={error}
      demo={demo ? { email: demo.email } : null}
      sso={oidc ? { name: oidc.name, action: signInWithSso } : null}
    />
  );
}
