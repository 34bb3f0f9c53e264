"use server";
// The server action behind the "Sign in with …" button: hands the browser to the OpenID Connect
// provider (next-auth sets the PKCE and state cookies and redirects), to come back to the page it
// asked for. Only a path on this site, like the password form.
import { safeCallbackPath } from "./safe-callback";
import { signIn } from "./next-auth";
import { SSO_PROVIDER_ID } from "./sso-provider-id";

export async function signInWithSso(form: FormData): Promise<void> {
  // Redirects (throws NEXT_REDIRECT) to the provider.
  await signIn(SSO_PROVIDER_ID, { redirectTo: safeCallbackPath(form.get("callbackUrl")) });
}
