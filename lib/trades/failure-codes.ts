// Plain-words explanations of AssetPay trade failure codes (docs/assetpay-api.md#failure-codes) for operators.
// Pure data. Unknown codes must still render something useful, never throw.

export const FAILURE_CODES = {
  LISTING_UNAVAILABLE: "The market listing was gone by the time AssetPay tried to buy it.",
  NO_LISTING_AT_PRICE: "No listing was available at or under the agreed price.",
  PRICE_CHANGED: "The item's price moved past the accepted limit before purchase.",
  TRADE_URL_INVALID: "The user's Steam trade URL is invalid or out of date.",
  STEAM_ACCOUNT_RESTRICTED: "A Steam account on the trade is restricted from trading.",
  BUYER_TRADE_RESTRICTED: "The receiving user is currently restricted from trading on Steam.",
  OFFER_NOT_ACCEPTED: "The user did not accept the Steam offer in time.",
  MARKET_UNAVAILABLE: "The supplier market was unavailable.",
  PURCHASE_FAILED: "Buying the item from the supplier failed.",
  USER_TRADE_RESTRICTED: "The user's Steam account cannot trade right now.",
  USER_INVENTORY_PRIVATE: "The user's Steam inventory is private.",
  USER_ESCROW: "The user has no Steam mobile authenticator, so trades would go into escrow.",
  USER_NOT_FOUND: "AssetPay could not find the user.",
  SERVICE_UNAVAILABLE: "AssetPay or Steam was unavailable.",
  MERCHANT_REJECTED: "Our approval callback rejected the withdrawal (a 4xx answer or an explicit reject).",
  APPROVAL_TIMEOUT: "Our approval callback did not answer in time (3 attempts of 10 s).",
} as const satisfies Record<string, string>;

export type FailureCode = keyof typeof FAILURE_CODES;

const LOOKUP: ReadonlyMap<string, string> = new Map(Object.entries(FAILURE_CODES));

export function explainFailureCode(code: string): string {
  return LOOKUP.get(code.toUpperCase()) ?? `AssetPay reported "${code}", a code this dashboard does not know.`;
}
