import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInCard } from "@/components/auth/sign-in-card";
import { env } from "@/lib/env/server";
import { getStaffSession } from "@/lib/auth";
import { signInWithPassword } from "@/lib/auth/actions";
import { signInWithSso } from "@/lib/auth/sso-actions";
import { parseSignInParams } from "@/lib/auth/sign-in-params";
import { RecorderUnavailableError } from "@/lib/db/recorded-source";

export const metadata: Metadata = { title: "Sign in · AssetPay Ops" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { callbackPath, error } = parseSignInParams(await searchParams);
  if (await alreadySignedIn()) redirect(callbackPath);
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

/** A session store that cannot be reached answers "not signed in" here: the form shows, and signing in says why it fails. */
async function alreadySignedIn(): Promise<boolean> {
  try {
    return (await getStaffSession()) !== null;
  } catch (error) {
    if (error instanceof RecorderUnavailableError) return false;
    throw error;
  }
}
