// next-auth's id for the single sign-on provider: its callback is /api/auth/callback/oidc (the redirect
// URI to register at the provider).
export const SSO_PROVIDER_ID = "oidc";
