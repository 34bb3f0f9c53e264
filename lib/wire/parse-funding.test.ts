import { describe, expect, it } from "vitest";
import { parseFundingEvent, parseLedgerTransaction } from "./parse-funding";

const wireFunding = (overrides: Record<string, unknown> = {}) => ({
  id: "fund-1",
  merchantId: null,
  status: "PENDING_ADMIN",
  amounts: { usd: "250.00", token: "250.123456" },
  asset: { token: "USDT", chain: "ETH", exchangeRateUsdPerToken: "0.9995" },
  address: "0xabc",
  txnHash: "0xhash",
  creditedUsd: "0",
  overpaymentUsd: null,
  createdAt: "2026-05-01T10:00:00.000Z",
  completedAt: null,
  ...overrides,
});

describe("parseFundingEvent", () => {
  it("maps the documented socket funding object and lowercases the status", () => {
    const result = parseFundingEvent("deposit", { funding: wireFunding() });
    expect(result).toEqual({
      ok: true,
      flavor: "current",
      unknownStatus: null,
      value: {
        id: "fund-1",
        kind: "deposit",
        status: "pending_admin",
        rawStatus: "PENDING_ADMIN",
        amountUsd: "250.00",
        amountToken: "250.123456",
        token: "USDT",
        chain: "ETH",
        address: "0xabc",
        txnHash: "0xhash",
        creditedUsd: "0",
        createdAt: "2026-05-01T10:00:00.000Z",
      },
    });
  });

  it("tolerates a sparse withdrawal payload (shape undocumented)", () => {
    const result = parseFundingEvent("withdrawal", { funding: { id: "w1", status: "COMPLETED", createdAt: "2026-05-01T10:00:00Z", completedAt: "2026-05-01T11:00:00Z" } });
    expect(result.ok && result.value).toMatchObject({ kind: "withdrawal", status: "completed", amountUsd: null, amountToken: null, completedAt: "2026-05-01T11:00:00Z" });
  });

  it("stringifies numeric amounts and drops non-numeric ones", () => {
    const result = parseFundingEvent("deposit", { funding: wireFunding({ amounts: { usd: 12.5, token: "lots" } }) });
    expect(result.ok && result.value.amountUsd).toBe("12.5");
    expect(result.ok && result.value.amountToken).toBeNull();
  });

  it("keeps unknown statuses and reports them", () => {
    const result = parseFundingEvent("deposit", { funding: wireFunding({ status: "ON_CHAIN_REORG" }) });
    expect(result.ok && result.value.status).toBe("unknown");
    expect(result.ok && result.unknownStatus).toBe("ON_CHAIN_REORG");
  });

  it("fails with a reason for missing id or createdAt", () => {
    expect(parseFundingEvent("deposit", { funding: wireFunding({ id: undefined }) })).toEqual({ ok: false, reason: "funding.id: expected string" });
    expect(parseFundingEvent("deposit", { funding: wireFunding({ createdAt: 5 }) })).toEqual({ ok: false, reason: "funding.createdAt: expected ISO date-time" });
    expect(parseFundingEvent("deposit", { trade: {} })).toEqual({ ok: false, reason: "funding: expected object" });
  });
});

describe("parseLedgerTransaction", () => {
  const row = (overrides: Record<string, unknown> = {}) => ({
    id: "tx-1",
    type: "WITHDRAWAL",
    status: "COMPLETED",
    amount: { usd: 99.5, crypto: "99.450000", token: "USDC", chain: "SOL" },
    fee: "0.05",
    address: "So1abc",
    txnHash: "sig",
    timestamps: { created: "2026-05-01T09:00:00Z", completed: "2026-05-01T09:05:00Z", updated: "2026-05-01T09:05:00Z" },
    ...overrides,
  });

  it("maps a ledger row to the same Funding type", () => {
    const result = parseLedgerTransaction(row());
    expect(result.ok && result.value).toEqual({
      id: "tx-1",
      kind: "withdrawal",
      status: "completed",
      rawStatus: "COMPLETED",
      amountUsd: "99.5",
      amountToken: "99.450000",
      token: "USDC",
      chain: "SOL",
      address: "So1abc",
      txnHash: "sig",
      createdAt: "2026-05-01T09:00:00Z",
      updatedAt: "2026-05-01T09:05:00Z",
      completedAt: "2026-05-01T09:05:00Z",
    });
  });

  it("marks rows of untracked types as unsupported, not malformed", () => {
    const result = parseLedgerTransaction(row({ type: "ADMIN_CREDIT", status: "POSTED" }));
    expect(result).toEqual({ ok: false, reason: "ledger.type: ADMIN_CREDIT is not tracked", unsupported: true });
  });

  it("rejects rows without timestamps", () => {
    expect(parseLedgerTransaction(row({ timestamps: undefined }))).toEqual({ ok: false, reason: "ledger.timestamps: expected object" });
  });
});
