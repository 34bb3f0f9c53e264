import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { csvDocument } from "./csv-cell";
import { csvStream } from "./csv-stream";

describe("csvStream", () => {
  it("writes exactly what the sync writer writes, neutralising and quoting the same", async () => {
    const records = [
      ["id", "items", "price"],
      ["t-1", "=HYPERLINK(\"x\")", 12.5],
      ["t-2", " @SUM(A1)", null],
      ["t-3", "AK-47, Redline\nline two", -1],
    ];
    const written = await text(Readable.from(records).pipe(csvStream()));
    expect(written).toBe(csvDocument(records));
    expect(written.split("\r\n")[1]).toBe("t-1,\"'=HYPERLINK(\"\"x\"\")\",12.5");
  });
});
