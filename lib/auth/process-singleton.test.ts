import { describe, expect, it, vi } from "vitest";
import { processSingleton } from "./process-singleton";

describe("processSingleton", () => {
  it("creates once per name and hands back that instance, also to a second copy of the module's caller", () => {
    const create = vi.fn(() => ({ count: 0 }));
    const name = `test-${Math.random()}`;
    const first = processSingleton(name, create);
    const second = processSingleton(name, create);
    expect(second).toBe(first);
    expect(create).toHaveBeenCalledTimes(1);
    // Kept on globalThis under a registered symbol, so another bundle's copy of this module finds it.
    expect((globalThis as Record<symbol, unknown>)[Symbol.for(`assetpay-ops.${name}`)]).toBe(first);
    expect(processSingleton(`${name}-other`, () => ({ count: 1 }))).not.toBe(first);
  });
});
