// The socket events followed in AssetPay's merchant room, by the browser (lib/live) and by the recorder:
// `trade` on every trade status change, `deposit` and `withdrawal` for merchant crypto funding (see
// docs/assetpay-api.md). The room's `market` event (listings, CORE_ACCESS keys only) is not one of them.
// Names only: the payloads are parsed by parse-trade.ts and parse-funding.ts.

export const SOCKET_EVENT_NAMES = ["trade", "deposit", "withdrawal"] as const;

export type SocketEventName = (typeof SOCKET_EVENT_NAMES)[number];
