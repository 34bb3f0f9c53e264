// A real OpenID Connect provider for the single sign-on specs: oidc-provider on 127.0.0.1 (plain http,
// allowed for an issuer on this machine only), one confidential client whose redirect URI is the
// dashboard's next-auth callback, and accounts with the claims each test needs. A person signs in on
// its development login page (any password; the login names the account) and consent is granted
// without asking, as a company's provider does for its own applications. Insecure development settings
// (throwaway keys, devInteractions) belong here and nowhere else.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";

export interface RunningOidcProvider {
  /** http://127.0.0.1:<port>: what AUTH_OIDC_ISSUER must say. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Registers `<appUrl>/api/auth/callback/oidc` as the client's redirect URI; until then the provider answers 503. */
  acceptApp(appUrl: string): Promise<void>;
  stop(): Promise<void>;
}

/** Accounts by the login typed on the provider's page; the claims go into the ID token as given. */
export type OidcAccounts = Record<string, Record<string, unknown>>;

export async function startOidcProvider(options: { accounts: OidcAccounts; roleClaim: string }): Promise<RunningOidcProvider> {
  const clientId = `assetpay-ops-${randomBytes(4).toString("hex")}`;
  const clientSecret = randomBytes(24).toString("base64url");
  let handle: ((request: IncomingMessage, response: ServerResponse) => void) | null = null;
  const server = createServer((request, response) => {
    if (handle) return handle(request, response);
    response.statusCode = 503;
    response.end("the test provider has no client yet");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function acceptApp(appUrl: string): Promise<void> {
    // ESM only: loaded with import(), not require().
    const { default: Provider } = await import("oidc-provider");
    const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: clientId,
          client_secret: clientSecret,
          redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
          grant_types: ["authorization_code"],
          response_types: ["code"],
        },
      ],
      async findAccount(_ctx, id) {
        const claims = options.accounts[id];
        return claims ? { accountId: id, claims: () => ({ sub: id, ...claims }) } : undefined;
      },
      claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", options.roleClaim] },
      // Every claim of the granted scopes in the ID token, as most company providers send them.
      conformIdTokenClaims: false,
      async loadExistingGrant(ctx) {
        const { client, session, result } = ctx.oidc;
        if (!client || !session?.accountId) return undefined;
        const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
        if (grantId) return ctx.oidc.provider.Grant.find(grantId);
        const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
        grant.addOIDCScope("openid email profile");
        await grant.save();
        return grant;
      },
      cookies: { keys: [randomBytes(32).toString("hex")] },
      jwks: { keys: [{ ...signingKey, kid: "e2e", use: "sig", alg: "RS256" }] },
      pkce: { required: () => true },
      features: { devInteractions: { enabled: true } },
    });
    handle = provider.callback();
  }

  return {
    issuer,
    clientId,
    clientSecret,
    acceptApp,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** On the provider's development login page (where the dashboard sent `page`): signs in as `login`. */
export async function signInAtProvider(page: Page, login: string): Promise<void> {
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("any password works here");
  await page.getByRole("button", { name: "Sign-in" }).click();
}
