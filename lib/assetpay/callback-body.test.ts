import { describe, expect, it } from "vitest";
import { wireTrade } from "@/lib/trades/test-fixtures";
import { classifyCallbackBody } from "./callback-body";

const bytes = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value));

describe("classifyCallbackBody", () => {
  it("takes a { trade } body as a trade event", () => {
    const trade = wireTrade({ id: "t-9", status: "hold" });
    expect(classifyCallbackBody(bytes({ trade }))).toEqual({ kind: "trade", tradeId: "t-9", payload: { trade } });
  });

  it("accepts end-user crypto deposits and withdrawals as unrecorded", () => {
    expect(classifyCallbackBody(bytes({ deposit: { id: "d-1", status: "pending" } }))).toEqual({ kind: "unrecorded", name: "deposit" });
    expect(classifyCallbackBody(bytes({ withdrawal: { id: "w-1" } }))).toEqual({ kind: "unrecorded", name: "withdrawal" });
  });

  it("calls anything else malformed, never throwing", () => {
    for (const body of ["", "not json", "[]", "null", '"trade"', { trade: { id: 5 } }, { test: true }, { deposit: "x" }, Buffer.from([0xff, 0xfe])]) {
      expect(classifyCallbackBody(Buffer.isBuffer(body) ? body : bytes(body))).toMatchObject({ kind: "malformed" });
    }
  });
});
