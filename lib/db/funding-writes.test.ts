import { expect, it } from "vitest";
import { T0 } from "@/lib/trades/test-fixtures";
import { recordFunding } from "./funding-writes";
import { describeOnEachBackend } from "./testing/each-backend";
import { depositVersion } from "./testing/recorded-versions";

describeOnEachBackend("funding writes", ({ db }) => {
  it("upserts funding newer-only by its latest timestamp, terminal winning ties", async () => {
    expect(await recordFunding(db, [depositVersion("f-1", "PENDING", 0)], T0)).toMatchObject({ inserted: 1 });
    expect(await recordFunding(db, [depositVersion("f-1", "COMPLETED", 0, 5)], T0)).toMatchObject({ updated: 1 });
    expect(await recordFunding(db, [depositVersion("f-1", "PENDING", 0, 2)], T0)).toMatchObject({ unchanged: 1 });
    expect(await recordFunding(db, [depositVersion("f-1", "PENDING", 0, 5)], T0)).toMatchObject({ unchanged: 1 });
    const rows = await db.query<{ status: string; terminal: boolean }>("SELECT status, terminal FROM funding");
    expect(rows).toEqual([{ status: "completed", terminal: true }]);
  });
});
