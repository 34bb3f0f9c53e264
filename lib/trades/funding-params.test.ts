import { describe, expect, it } from "vitest";
import { DEFAULT_FUNDING_PARAMS, fundingHref, hasFundingFilter, parseFundingParams, serializeFundingParams } from "./funding-params";

const parse = (query: string) => parseFundingParams(new URLSearchParams(query));

describe("parseFundingParams", () => {
  it("reads the Exposure region's link: withdrawals stuck beyond their limit", () => {
    expect(parse("kind=withdrawal&stuck=1")).toEqual({ ...DEFAULT_FUNDING_PARAMS, kind: "withdrawal", stuckOnly: true });
  });

  it("reads every filter and the open item", () => {
    expect(parse("kind=deposit&status=COMPLETED,pending,bogus&chain=eth&token=usdt&stuck=true&q=0xabc&item=f-1")).toEqual({
      kind: "deposit",
      statuses: ["pending", "completed"],
      chain: "ETH",
      token: "USDT",
      stuckOnly: true,
      search: "0xabc",
      item: "f-1",
    });
  });

  it("ignores what it does not understand, part by part", () => {
    expect(parse("kind=refund&chain=<script>&token=javascript:x&stuck=yes&item=../../etc")).toEqual(DEFAULT_FUNDING_PARAMS);
    expect(parse("kind=deposit&chain=a%20b").kind).toBe("deposit");
  });

  it("caps the search text", () => {
    expect(parse(`q=${"x".repeat(500)}`).search).toHaveLength(200);
  });
});

describe("serializeFundingParams", () => {
  it("leaves defaults out and round-trips", () => {
    expect(serializeFundingParams(DEFAULT_FUNDING_PARAMS)).toBe("");
    const params = parse("item=f-9&q=abc&stuck=1&token=USDC&chain=SOL&status=failed,pending_admin&kind=withdrawal");
    const query = serializeFundingParams(params);
    expect(query).toBe("kind=withdrawal&status=pending_admin%2Cfailed&chain=SOL&token=USDC&stuck=1&q=abc&item=f-9");
    expect(parse(query)).toEqual(params);
  });
});

describe("fundingHref", () => {
  it("links to the view with only the given params", () => {
    expect(fundingHref({})).toBe("/funding");
    expect(fundingHref({ kind: "withdrawal", stuckOnly: true })).toBe("/funding?kind=withdrawal&stuck=1");
    expect(fundingHref({ item: "abc-1" })).toBe("/funding?item=abc-1");
  });
});

describe("hasFundingFilter", () => {
  it("counts filters and search, not the open item", () => {
    expect(hasFundingFilter({ ...DEFAULT_FUNDING_PARAMS, item: "x" })).toBe(false);
    expect(hasFundingFilter({ ...DEFAULT_FUNDING_PARAMS, search: "  " })).toBe(false);
    expect(hasFundingFilter({ ...DEFAULT_FUNDING_PARAMS, chain: "ETH" })).toBe(true);
  });
});
