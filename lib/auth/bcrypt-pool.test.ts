import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { workerHasher } from "./bcrypt-pool";

describe("workerHasher", () => {
  const hasher = workerHasher(2);

  it("compares and hashes like bcryptjs, in worker threads", async () => {
    const hash = bcrypt.hashSync("right", 4);
    expect(await hasher.compare("right", hash)).toBe(true);
    expect(await hasher.compare("wrong", hash)).toBe(false);
    const made = await hasher.hash("pw", 5);
    expect(bcrypt.getRounds(made)).toBe(5);
    expect(bcrypt.compareSync("pw", made)).toBe(true);
  });

  it("answers each of many concurrent requests with its own result", async () => {
    const hash = bcrypt.hashSync("p3", 4);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => hasher.compare(`p${i}`, hash)));
    expect(results).toEqual([false, false, false, true, false, false, false, false]);
  });

  it("answers false for a malformed hash, as bcryptjs does", async () => {
    expect(await hasher.compare("x", "not-a-hash")).toBe(false);
  });
});
