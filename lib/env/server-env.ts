// Every setting the running dashboard needs, checked in one pass: each concern's rules live in their own
// file beside this one, in the order of the README's configuration table. Rules only (see ./setting);
// `server.ts` applies them once to process.env for the app.
import { z } from "zod";
import { type AssetPayConnection, type ClientTokenSettings, clientTokenFields, connectionFields, toClientTokenSettings, toConnection } from "./assetpay";
import { type AlertSettings, alertFields, toAlertSettings } from "./alerts";
import { type AuthSettings, authFields, toAuthSettings } from "./auth";
import { type CallbackSettings, callbackFields, toCallbackSettings } from "./callbacks";
import { type DemoSettings, demoFields, toDemoSettings } from "./demo";
import { type OidcSettingsGroup, oidcFields, toOidcSettings, withOidcGroupRule } from "./oidc";
import { type ProxySettings, proxyFields, toProxySettings } from "./proxy";
import { type StorageSettings, storageFields, toStorageSettings } from "./recorder";
import { type EnvSource, parseSettings } from "./setting";
import { toTwoFactorSettings, type TwoFactorSettings, twoFactorFields } from "./two-factor";

export interface ServerEnv extends AssetPayConnection, ClientTokenSettings, AuthSettings, OidcSettingsGroup, TwoFactorSettings, StorageSettings, CallbackSettings, ProxySettings {
  /** Set by `npm start` in demo mode so the sign-in page can say so. */
  demo: DemoSettings;
  alerts: AlertSettings;
}

export const serverEnvFields = {
  ...connectionFields("required by the dashboard server; leave it unset and use `npm start` for demo mode"),
  ...clientTokenFields,
  ...authFields,
  ...oidcFields,
  ...twoFactorFields,
  ...storageFields,
  ...callbackFields,
  ...demoFields,
  ...alertFields,
  ...proxyFields,
};

export function toServerEnv(values: z.output<z.ZodObject<typeof serverEnvFields>>): ServerEnv {
  return {
    ...toConnection(values),
    ...toClientTokenSettings(values),
    ...toAuthSettings(values),
    ...toOidcSettings(values),
    ...toTwoFactorSettings(values),
    ...toStorageSettings(values),
    ...toCallbackSettings(values),
    demo: toDemoSettings(values),
    alerts: toAlertSettings(values),
    ...toProxySettings(values),
  };
}

const serverEnvSchema = withOidcGroupRule(z.object(serverEnvFields)).transform(toServerEnv);

/** Everything the running dashboard needs. Throws `EnvError` listing every missing or malformed variable. */
export function parseEnv(source: EnvSource): ServerEnv {
  return parseSettings(serverEnvSchema, source);
}
