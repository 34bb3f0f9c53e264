// A complete, valid real-mode environment for the env rules' tests: each test spreads it and breaks
// only what it is about, so a rule that starts requiring a new variable fails here once, not everywhere.
export const STAFF_HASH = "$2b$10$abcdefghijklmnopqrstuu5vU5mP7XwQH6L2yWq8o0m6fI9cJzR1y";

export const REAL_MODE_ENV = {
  ASSETPAY_API_KEY: "ap_live_123",
  ASSETPAY_TOKEN_STEAM_ID: "76561198000000001",
  ASSETPAY_TOKEN_TRADE_URL: "https://steamcommunity.com/tradeoffer/new/?partner=39734273&token=Ops_Dash",
  STAFF_ACCOUNTS: `ops@example.test:${STAFF_HASH}`,
  AUTH_SECRET: "x".repeat(43),
} as const;
