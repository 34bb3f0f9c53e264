import { describe, expect, it } from "vitest";
import {
  FAILURE_CODES,
  FUNDING_STATUS_INFO,
  TRADE_STATUS_INFO,
  explainFailureCode,
  isInFlightStatus,
  isTerminalFundingStatus,
  isTerminalStatus,
} from "./status-classes";
import { FUNDING_STATUSES, TRADE_STATUSES } from "./types";

describe("trade status classes", () => {
  it("splits statuses into terminal and in flight", () => {
    const terminal = TRADE_STATUSES.filter(isTerminalStatus);
    expect(terminal.sort()).toEqual(["canceled", "completed", "declined", "failed", "partial", "reverted"]);
    expect(isInFlightStatus("unknown")).toBe(true);
    expect(isInFlightStatus("escrow")).toBe(true);
  });

  it("has a label and meaning for every status, consistent with the terminal set", () => {
    for (const s of TRADE_STATUSES) {
      expect(TRADE_STATUS_INFO[s].label.length).toBeGreaterThan(0);
      expect(TRADE_STATUS_INFO[s].meaning.length).toBeGreaterThan(0);
      expect(TRADE_STATUS_INFO[s].terminal).toBe(isTerminalStatus(s));
    }
  });
});

describe("funding statuses", () => {
  it("uses the inferred terminal set", () => {
    const terminal = FUNDING_STATUSES.filter(isTerminalFundingStatus).sort();
    expect(terminal).toEqual(["cancelled", "completed", "expired", "failed", "posted", "refunded", "rejected"]);
    for (const s of FUNDING_STATUSES) expect(FUNDING_STATUS_INFO[s].meaning).toMatch(/inferred|does not know/);
  });
});

describe("failure codes", () => {
  it("explains every documented code", () => {
    const documented = [
      "LISTING_UNAVAILABLE", "NO_LISTING_AT_PRICE", "PRICE_CHANGED", "TRADE_URL_INVALID", "STEAM_ACCOUNT_RESTRICTED",
      "BUYER_TRADE_RESTRICTED", "OFFER_NOT_ACCEPTED", "MARKET_UNAVAILABLE", "PURCHASE_FAILED", "USER_TRADE_RESTRICTED",
      "USER_INVENTORY_PRIVATE", "USER_ESCROW", "USER_NOT_FOUND", "SERVICE_UNAVAILABLE", "MERCHANT_REJECTED", "APPROVAL_TIMEOUT",
    ];
    expect(Object.keys(FAILURE_CODES).sort()).toEqual([...documented].sort());
    for (const code of documented) expect(explainFailureCode(code)).not.toContain("does not know");
  });

  it("still says something for unknown codes, including prototype names", () => {
    expect(explainFailureCode("NEW_THING")).toContain("NEW_THING");
    expect(explainFailureCode("constructor")).toContain("does not know");
  });
});
