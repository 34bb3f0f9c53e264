import { describe, expect, it } from "vitest";
import { DEFAULT_FUNDING_PARAMS, type FundingParams } from "./funding-params";
import { findFunding, summarizeFunding } from "./funding-filter";
import { iso, makeFunding, T0 } from "./test-fixtures";

const MIN = 60_000;
const LIMIT = 30 * MIN;
const NOW = T0 + 60 * MIN;

const held = [
  makeFunding({ id: "d-old", kind: "deposit", status: "completed", rawStatus: "COMPLETED", chain: "ETH", token: "USDT", createdAt: iso(T0), address: "0xAbC" }),
  makeFunding({ id: "d-new", kind: "deposit", status: "pending", chain: "SOL", token: "USDC", createdAt: iso(T0 + 10 * MIN), txnHash: "5hash" }),
  makeFunding({ id: "w-stuck", kind: "withdrawal", status: "pending_admin", rawStatus: "PENDING_ADMIN", chain: "ETH", token: "USDT", createdAt: iso(T0), updatedAt: iso(T0 + MIN) }),
  makeFunding({ id: "w-fresh", kind: "withdrawal", status: "pending_admin", rawStatus: "PENDING_ADMIN", chain: "BSC", token: "USDT", createdAt: iso(NOW - 5 * MIN) }),
];

const summary = (params: Partial<FundingParams>) => summarizeFunding(held, { ...DEFAULT_FUNDING_PARAMS, ...params }, NOW, LIMIT);
const ids = (params: Partial<FundingParams>) => summary(params).rows.map((f) => f.id);

describe("summarizeFunding", () => {
  it("holds everything newest first with no filter", () => {
    expect(ids({})).toEqual(["w-fresh", "d-new", "d-old", "w-stuck"]);
    expect(summary({}).total).toBe(4);
  });

  it("narrows by kind, status, chain, token and stuck", () => {
    expect(ids({ kind: "withdrawal" })).toEqual(["w-fresh", "w-stuck"]);
    expect(ids({ statuses: ["completed", "pending"] })).toEqual(["d-new", "d-old"]);
    expect(ids({ chain: "ETH" })).toEqual(["d-old", "w-stuck"]);
    expect(ids({ token: "USDC" })).toEqual(["d-new"]);
    expect(ids({ kind: "withdrawal", stuckOnly: true })).toEqual(["w-stuck"]);
  });

  it("flags as stuck only what the alert rule would: awaiting admin past the limit", () => {
    expect([...summary({}).stuck]).toEqual([["w-stuck", "Stuck: awaiting admin for 59 min, over the 30 min limit"]]);
    expect(summarizeFunding(held, DEFAULT_FUNDING_PARAMS, NOW, 90 * MIN).stuck.size).toBe(0);
  });

  it("searches id, address and transaction hash, ignoring case", () => {
    expect(ids({ search: "0xabc" })).toEqual(["d-old"]);
    expect(ids({ search: "5HASH" })).toEqual(["d-new"]);
    expect(ids({ search: "w-" })).toEqual(["w-fresh", "w-stuck"]);
    expect(ids({ search: "nothing" })).toEqual([]);
  });

  it("counts each control as if it were chosen with the other filters kept", () => {
    const s = summary({ kind: "withdrawal", chain: "ETH" });
    expect(s.kindCounts).toEqual({ deposit: 1, withdrawal: 1 });
    expect(s.statusCounts.pending_admin).toBe(1);
    expect(s.statusCounts.completed).toBe(0);
    expect(s.stuckCount).toBe(1);
    expect(summary({ kind: "deposit" }).stuckCount).toBe(0);
  });

  it("lists the chains and tokens it holds for the pickers", () => {
    expect(summary({ chain: "SOL" }).chains).toEqual(["BSC", "ETH", "SOL"]);
    expect(summary({}).tokens).toEqual(["USDC", "USDT"]);
  });
});

describe("findFunding", () => {
  it("prefers the asked kind when both hold the id", () => {
    const d = makeFunding({ id: "same", kind: "deposit" });
    const w = makeFunding({ id: "same", kind: "withdrawal" });
    const deposits = new Map([["same", d]]);
    const withdrawals = new Map([["same", w]]);
    expect(findFunding(deposits, withdrawals, "same", "withdrawal")).toBe(w);
    expect(findFunding(deposits, withdrawals, "same", null)).toBe(d);
    expect(findFunding(deposits, new Map(), "none", null)).toBeUndefined();
  });
});
