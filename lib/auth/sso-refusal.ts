// Why a single sign-on was refused, as the code in the sign-in page's URL
// (`/sign-in?error=AccessDenied&code=…`) and the sentence the page shows for it. The sentence never
// repeats anything from the URL or the provider.
export const SSO_REFUSALS = {
  sso_domain: "Single sign-on refused: your email address is not in a domain allowed to use this dashboard. Ask an administrator.",
  sso_unverified: "Single sign-on refused: your identity provider has not verified your email address.",
  sso_no_email: "Single sign-on refused: your identity provider did not share an email address.",
} as const;

export type SsoRefusal = keyof typeof SSO_REFUSALS;

export function ssoRefusalPath(refusal: SsoRefusal): string {
  return `/sign-in?error=AccessDenied&code=${refusal}`;
}

/** The sentence for a refusal code from the URL, or null when it is not one of ours. */
export function describeSsoRefusal(code: unknown): string | null {
  return typeof code === "string" && Object.hasOwn(SSO_REFUSALS, code) ? SSO_REFUSALS[code as SsoRefusal] : null;
}
